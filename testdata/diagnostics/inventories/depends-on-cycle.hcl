host "db-01" {
  depends_on = ["app-01"]
}

host "app-01" {
  depends_on = ["db-01"]
}
