host "web-01" {}

group "web" {
  hosts = ["web-01"]
}

group "prod" {
  children = ["web", "dbs"]
}
