playbook "services" {}

phase "services" {
  # The label stands for the service when service = ... is left out.
  service "chrony daemon" {
    enabled = true
  }
}
