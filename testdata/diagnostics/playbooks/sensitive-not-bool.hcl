playbook {
  name = "sensitive"
}

variable "token" {
  default   = "changeme"
  sensitive = "yes"
}

phase "p" {
  command "c" { run = "login ${var.token}" }
}
