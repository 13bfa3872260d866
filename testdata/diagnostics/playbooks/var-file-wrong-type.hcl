playbook {
  name = "varfile"
}

variable "packages" {
  type    = list(string)
  default = ["sb-hello"]
}

variable "retries" {
  type    = number
  default = 3
}

phase "p" {
  apk "base" { packages = var.packages }
  command "c" { run = "echo ${var.retries}" }
}
