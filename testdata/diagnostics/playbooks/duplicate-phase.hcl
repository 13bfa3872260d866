playbook {
  name = "dups"
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
}

phase "packages" {
  apk "more" {
    packages = ["sb-app"]
  }
}
