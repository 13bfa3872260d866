# Variables, validation, sensitive values, locals, functions and phase
# order. Try: switchback plan playbooks/examples/language.hcl -i HOSTS
#   --var ssh_port=2222 --var-file site.vars.hcl
playbook {
  name        = "language"
  description = "A login banner from a template and an SSH port checked before use"
}

variable "site" {
  type    = string
  default = "lab"
}

variable "ssh_port" {
  type    = number
  default = 22
  validation {
    condition     = var.ssh_port >= 1 && var.ssh_port <= 65535
    error_message = "ssh_port is a TCP port: 1 to 65535."
  }
}

variable "monitoring_token" {
  type      = string
  default   = "change-me"
  sensitive = true
}

locals {
  banner = templatefile("files/motd.tmpl", { site = upper(var.site), port = var.ssh_port })
  # Computed from a sensitive value, so sensitive too.
  auth = base64encode("monitor:${var.monitoring_token}")
}

# Written first, runs second.
phase "login" {
  depends_on = ["credentials"]

  file "motd" {
    path    = "/etc/motd"
    content = local.banner
  }
  line "sshd port" {
    path   = "/etc/ssh/sshd_config"
    regexp = "^#?Port "
    line   = "Port ${var.ssh_port}"
  }
}

phase "credentials" {
  command "monitoring credentials" {
    run     = "umask 077 && echo ${shellquote(local.auth)} > /etc/monitoring.auth"
    creates = "/etc/monitoring.auth"
  }
}
