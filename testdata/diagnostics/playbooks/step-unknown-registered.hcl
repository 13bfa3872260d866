playbook { name = "unknown registered result" }

phase "probe" {
  command "kernel" {
    run      = "uname -r"
    register = "kernel"
  }
  command "show" {
    run = "echo ${registered.kernal.stdout}"
  }
}
