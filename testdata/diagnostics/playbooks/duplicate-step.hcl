playbook {
  name = "dups"
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
  apk "base" {
    packages = ["sb-app"]
  }
}
