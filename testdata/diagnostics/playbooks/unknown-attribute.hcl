playbook {
  name = "typo"
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
    stat     = "present"
  }
}
