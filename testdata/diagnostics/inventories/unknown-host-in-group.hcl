host "web-01" {
  address = "10.0.0.1"
}

host "web-02" {
  address = "10.0.0.2"
}

group "web" {
  hosts = ["web-01", "web-2"]
}
