host "web-01" {
  hostname = "10.0.0.1"
}
