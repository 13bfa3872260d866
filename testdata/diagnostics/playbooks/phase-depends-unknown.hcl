playbook {
  name = "phases"
}

phase "packages" {
  apk "base" { packages = ["sb-hello"] }
}

phase "services" {
  depends_on = ["packges", 3]
  command "restart" { run = "rc-service sshd restart" }
}
