playbook {
  name = "hybrid"
}

rollout "db" {
  groups = ["db"]
  after  = ["web"]
}

rollout "web" {
  groups = ["web"]
  after  = ["db"]
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
}
