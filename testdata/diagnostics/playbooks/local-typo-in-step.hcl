playbook "locals" {}

locals {
  packages = ["sb-hello", "sb-daemon"]
}

phase "packages" {
  apk "base" {
    packages = local.pakages
  }
}
