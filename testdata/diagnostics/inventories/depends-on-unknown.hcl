host "app-01" {
  depends_on = ["db-01", "db-2"]
}

host "db-01" {}
