playbook {
  name = "ranges"
}

variable "hosts" {
  type    = list(string)
  default = ["a", "b", "c"]
}

locals {
  canary = slice(var.hosts, 2, 1)
  ports  = range(1, 10, 0)
}

phase "p" {
  command "c" { run = "echo ${join(",", local.canary)} ${length(local.ports)}" }
}
