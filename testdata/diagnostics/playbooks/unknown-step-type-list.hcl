playbook "ansible habits" {}

phase "setup" {
  package "tools" {
    name = "curl"
  }
}
