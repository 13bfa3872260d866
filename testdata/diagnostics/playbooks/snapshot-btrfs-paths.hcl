playbook {
  name = "snapshots"
}

snapshot {
  provider   = "btrfs"
  subvolumes = ["/srv/data", "srv/logs", "/"]
  dir        = "snapshots"
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
}
