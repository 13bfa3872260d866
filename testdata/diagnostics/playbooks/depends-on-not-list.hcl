playbook {
  name = "phases"
}

phase "packages" {
  apk "base" { packages = ["sb-hello"] }
}

phase "services" {
  depends_on = "packages"
  command "restart" { run = "rc-service sshd restart" }
}
