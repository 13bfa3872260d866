host "web-01" {
  jump = "ops@bastion:ssh"
}
