host "web-01" {
  vars = ["ntp.example.com"]
}
