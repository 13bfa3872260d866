playbook {
  name = "commands"
}

phase "setup" {
  command "marker" {
    run     = "touch /var/lib/marker"
    creates = "var/lib/marker"
  }
}
