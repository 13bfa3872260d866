playbook {
  name = "commands"
}

phase "setup" {
  command "marker" {
    creates = "/var/lib/marker"
  }
}
