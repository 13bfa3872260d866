playbook {
  name = "typo"
}

phase "packages" {
  apkk "base" {
    packages = ["sb-hello"]
  }
}
