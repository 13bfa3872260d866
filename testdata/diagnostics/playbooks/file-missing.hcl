playbook {
  name = "files"
}

phase "system" {
  file "motd" {
    path    = "/etc/motd"
    content = file("files/motd.txt")
  }
  file "issue" {
    path    = "/etc/issue"
    content = templatefile("file-missing.tmpl", { site = "lab" })
  }
}
