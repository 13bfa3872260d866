host "web01" {}

group "web" {
  hosts = ["web01", "web[01:100]"]
}
