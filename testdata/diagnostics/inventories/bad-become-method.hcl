defaults {
  become        = true
  become_method = "su"
}

host "web-01" {}
