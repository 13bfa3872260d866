# A rehearsal on Vagrant machines (`make rehearse`): a canary, then the
# rest, each machine snapshotted by Vagrant before its first change and
# restored from that snapshot if it fails. To rehearse a failure, mark a
# machine broken first:
#   vagrant ssh alpine-2 -c 'sudo touch /etc/switchback-rehearse-fail'
playbook {
  name        = "rehearse"
  description = "Baseline packages, a banner and a health check, in waves on Vagrant machines"
}

variable "packages" {
  type        = list(string)
  description = "Packages every machine gets. The defaults come from Alpine's mirrors; the box built offline by `make box` has a local repository too (rehearse-offline.vars.hcl names its packages)."
  default     = ["tzdata", "curl"]
}

rollout {
  strategy = "waves"
  waves    = [1, "100%"]
  max_fail = 0
  rollback = "host"
}

snapshot {
  provider = "vagrant" # 'vagrant snapshot save' in the directory of the Vagrantfile
}

phase "packages" {
  apk "baseline" {
    packages = var.packages
  }
}

phase "system" {
  file "banner" {
    path    = "/etc/motd"
    content = "Rehearsed by switchback\n"
  }
  line "timezone" {
    path   = "/etc/profile.d/tz.sh"
    line   = "export TZ=UTC"
    create = true
  }
}

phase "verify" {
  command "packages installed" {
    run    = "echo 'missing: ${join(" ", var.packages)}' >&2; exit 1"
    unless = "apk info -e ${join(" ", var.packages)} >/dev/null"
  }
  command "health check" {
    run    = "echo 'health check failed: /etc/switchback-rehearse-fail is there' >&2; exit 1"
    unless = "[ ! -e /etc/switchback-rehearse-fail ]"
  }
}
