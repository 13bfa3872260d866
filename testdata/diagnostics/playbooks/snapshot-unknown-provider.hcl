playbook {
  name = "snapshots"
}

snapshot {
  provider = "zfs"
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
}
