playbook {
  name = "locals"
}

locals {
  packages = concat(["sb-hello"], local.extra_packges)
}

phase "packages" {
  apk "base" {
    packages = local.packages
  }
}
