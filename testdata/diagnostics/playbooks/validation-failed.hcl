playbook {
  name = "validation"
}

variable "ssh_port" {
  type    = number
  default = 70022
  validation {
    condition     = var.ssh_port >= 1 && var.ssh_port <= 65535
    error_message = "An SSH port is between 1 and 65535."
  }
}

phase "ssh" {
  line "port" {
    path   = "/etc/ssh/sshd_config"
    regexp = "^Port "
    line   = "Port ${var.ssh_port}"
  }
}
