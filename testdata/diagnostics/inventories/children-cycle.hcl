host "web-01" {}

group "site" {
  children = ["region"]
}

group "region" {
  children = ["rack"]
}

group "rack" {
  hosts    = ["web-01"]
  children = ["site"]
}
