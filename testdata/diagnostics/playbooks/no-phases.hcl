playbook {
  name = "empty"
}
