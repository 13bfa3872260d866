host "web-01" {
  address = "10.0.0.1"
  port    = 70000
}
