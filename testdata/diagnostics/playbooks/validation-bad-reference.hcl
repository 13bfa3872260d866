playbook {
  name = "validation"
}

variable "min_port" {
  type    = number
  default = 1024
}

variable "port" {
  type    = number
  default = 8080
  validation {
    condition     = var.min_port < 65535
    error_message = "The port must be at least min_port."
  }
  validation {
    error_message = "No condition."
  }
}

phase "p" {
  command "c" { run = "echo ${var.port}" }
}
