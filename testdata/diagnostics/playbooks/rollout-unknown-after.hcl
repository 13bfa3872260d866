playbook {
  name = "hybrid"
}

rollout "cache" {
  after = ["nosuch"]
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
}
