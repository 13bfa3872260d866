playbook "motd" {}

variable "region" {
  default = "eu-west"
}

variable "owner" {
  default = "ops"
}

phase "files" {
  file "motd" {
    path    = "/etc/motd"
    content = "Managed host in ${var.nope}\n"
  }
}
