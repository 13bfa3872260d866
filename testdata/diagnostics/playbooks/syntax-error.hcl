playbook {
  name = "broken"
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"
  }
}
