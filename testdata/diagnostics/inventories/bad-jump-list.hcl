host "db-01" {
  jump = "bastion,ops@:2222"
}
