playbook {
  name = "phases"
}

phase "services" {
  depends_on = ["packages"]
  command "restart" { run = "rc-service sshd restart" }
}

phase "packages" {
  depends_on = ["users"]
  apk "base" { packages = ["sb-hello"] }
}

phase "users" {
  depends_on = ["services"]
  user "deploy" { name = "deploy" }
}
