playbook {
  name = "vars"
}

variable "packages" {
  type    = list(string)
  default = "sb-hello"
}

phase "packages" {
  apk "base" {
    packages = var.packages
  }
}
