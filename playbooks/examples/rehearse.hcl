# A rehearsal on Vagrant machines (`make rehearse`): a canary, then the
# rest, each machine snapshotted by Vagrant before its first change and
# restored from that snapshot if it fails.
playbook {
  name        = "rehearse"
  description = "Baseline tools, a banner and a health check, in waves on Vagrant machines"
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
  apk "tools" {
    packages = ["tzdata", "curl"]
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
  command "curl works" {
    run    = "echo 'curl is missing' >&2; exit 1"
    unless = "curl --version >/dev/null"
  }
}
