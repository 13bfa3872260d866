playbook "typos" {}

phase "services" {
  service "chronyd" {
    enable = true
  }
  apk "time" {
    pkgs = ["chrony"]
  }
}

phase "files" {
  file "motd" {
    path     = "/etc/motd"
    contents = "hello\n"
    colour   = "blue"
  }
}
