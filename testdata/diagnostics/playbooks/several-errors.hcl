# Every problem of a file is reported at once, not just the first.
playbook {
  name = "many"
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
    state    = "gone"
  }
  command "marker" {
    run     = "touch /var/lib/marker"
    creats  = "/var/lib/marker"
  }
}
