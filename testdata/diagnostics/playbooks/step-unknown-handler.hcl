playbook { name = "unknown handler" }

handler "restart web" {
  command "restart" { run = "rc-service nginx restart" }
}

phase "config" {
  command "edit" {
    run    = "echo hi > /etc/motd"
    notify = ["restart nginx"]
  }
}
