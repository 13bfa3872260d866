playbook "web" {
  name = "webservers"
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
}
