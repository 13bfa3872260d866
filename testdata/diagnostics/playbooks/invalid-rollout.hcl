playbook {
  name = "rollout"
}

rollout {
  strategy = "canary"
  waves    = [0, "10%", "lots"]
  max_fail = "110%"
  order    = "random"
  forks    = 0
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
}
