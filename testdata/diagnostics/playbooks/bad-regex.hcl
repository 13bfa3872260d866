playbook {
  name = "patterns"
}

variable "hostname" {
  default = "web-01"
}

locals {
  role = regex("^([a-z]+-", var.hostname)[0]
}

phase "p" {
  command "c" { run = "echo ${local.role}" }
}
