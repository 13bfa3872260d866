playbook {
  name = "states"
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
    state    = "installed"
  }
}
