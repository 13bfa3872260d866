# Bring a freshly converted Alpine host to the team's baseline.
# Try it:  switchback validate playbooks/examples/alpine-base.hcl
playbook {
  name        = "alpine-base"
  description = "Baseline packages, a login banner and a conversion marker"
}

variable "packages" {
  type        = list(string)
  description = "Packages every host gets (the local test fleet's repository provides these)."
  default     = ["sb-hello", "sb-app"]
}

variable "motd" {
  type    = string
  default = "Managed by switchback: local changes to this host may be overwritten."
}

phase "packages" {
  apk "baseline" {
    packages = var.packages
  }
}

phase "system" {
  command "login banner" {
    run    = "printf '%s\\n' ${shellquote(var.motd)} > /etc/motd"
    unless = "grep -qxF ${shellquote(var.motd)} /etc/motd"
  }

  command "conversion marker" {
    run     = "mkdir -p /var/lib/switchback && date -u +%Y-%m-%dT%H:%M:%SZ > /var/lib/switchback/converted-at"
    creates = "/var/lib/switchback/converted-at"
  }
}
