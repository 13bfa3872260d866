playbook { name = "host attribute typo" }

phase "config" {
  command "greet" {
    run = "echo ${host.nmae} > /etc/motd"
  }
  command "arch" {
    run  = "echo ${facts.architecture}"
    when = facts.os_id == "alpine"
  }
}
