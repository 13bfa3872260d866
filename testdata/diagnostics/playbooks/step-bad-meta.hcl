playbook { name = "bad step settings" }

phase "p" {
  command "a" {
    run      = "true"
    timeout  = "soon"
    retries  = -1
    register = "not a name"
  }
  command "b" {
    run      = "true"
    when     = "maybe"
    for_each = 3
  }
}
