defaults {
  port = "ssh"
}

host "web-01" {
  address = "10.0.0.1"
}
