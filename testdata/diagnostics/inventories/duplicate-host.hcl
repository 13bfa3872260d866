host "web-01" {
  address = "10.0.0.1"
}

host "web-01" {
  address = "10.0.0.2"
}
