playbook { name = "duplicate register" }

phase "p" {
  command "a" {
    run      = "uname -r"
    register = "out"
  }
  command "b" {
    run      = "uname -m"
    register = "out"
  }
}
