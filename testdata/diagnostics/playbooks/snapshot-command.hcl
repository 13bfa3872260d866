playbook {
  name = "snapshots"
}

snapshot {
  provider = "command"
  save     = ""
  restore  = "cloud snapshot restore \"$SWITCHBACK_SNAPSHOT\""
  on       = "hypervisor"
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
}
