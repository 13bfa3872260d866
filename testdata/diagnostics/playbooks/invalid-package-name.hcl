playbook {
  name = "names"
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello", "sb-app; rm -rf /"]
  }
}
