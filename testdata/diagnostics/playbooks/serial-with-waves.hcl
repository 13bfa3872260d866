playbook {
  name = "rollout"
}

rollout {
  strategy = "serial"
  waves    = [1, "100%"]
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
}
