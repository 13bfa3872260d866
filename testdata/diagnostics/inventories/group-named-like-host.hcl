host "web" {
  address = "10.0.0.1"
}

group "web" {
  hosts = ["web"]
}
