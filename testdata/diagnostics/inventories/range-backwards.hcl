host "web[20:01].example.com" {
  user = "ops"
}
