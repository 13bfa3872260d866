host "db-[a:9]" {}
