playbook {
  name = "tasks"
}

task "packages" {
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello"]
  }
}
