playbook {
  name = "vars"
}

variable "admin_email" {
  type        = string
  description = "Where the hosts send their mail."
}

phase "mail" {
  command "aliases" {
    run = "echo root: ${var.admin_email} >> /etc/aliases"
  }
}
