playbook {
  name = "varfile"
}

variable "motd" {
  default = "Welcome"
}

phase "p" {
  command "c" { run = "echo ${shellquote(var.motd)} > /etc/motd" }
}
