playbook {
  name = "types"
}

phase "packages" {
  apk "base" {
    packages = "sb-hello"
  }
}
