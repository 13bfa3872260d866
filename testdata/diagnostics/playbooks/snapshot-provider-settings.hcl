playbook {
  name = "snapshots"
}

snapshot {
  provider = "btrfs"
  paths    = ["/etc/motd"]
  dir      = "snapshots"
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
}
