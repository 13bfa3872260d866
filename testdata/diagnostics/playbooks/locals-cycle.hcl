playbook {
  name = "locals"
}

locals {
  motd    = "${local.banner}\n"
  banner  = "Welcome to ${local.site}"
  release = "3.20"
}

locals {
  site = trimspace(local.motd)
}

phase "system" {
  command "motd" {
    run = "echo ${shellquote(local.motd)} > /etc/motd"
  }
}
