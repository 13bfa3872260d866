phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
}
