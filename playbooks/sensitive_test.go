package playbooks

import "testing"

// TestSensitiveSteps: a step is sensitive when it refers to a sensitive
// variable, a local computed from one, or what a sensitive step
// registered (in any attribute, nested block, when or for_each).
func TestSensitiveSteps(t *testing.T) {
	src := `
playbook { name = "p" }
variable "pw" {
  default   = "hunter2-pw"
  sensitive = true
}
variable "user" { default = "app" }
locals {
  line  = "password=${var.pw}"
  plain = upper(var.user)
}
phase "p" {
  file "direct" {
    path    = "/etc/a"
    content = var.pw
  }
  file "through a local" {
    path    = "/etc/b"
    content = local.line
  }
  command "indexed" { run = "echo ${var["pw"]}" }
  command "registers" {
    run      = "echo ${local.line}"
    register = "out"
  }
  command "reads what was registered" { run = "echo ${registered.out.stdout}" }
  command "only when" {
    run  = "true"
    when = var.pw != ""
  }
  file "plain" {
    path    = "/etc/c"
    content = local.plain
  }
}
`
	pb, diags := loadSource(t, src, nil, nil)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	want := map[string]bool{"direct": true, "through a local": true, "indexed": true, "registers": true,
		"reads what was registered": true, "only when": true, "plain": false}
	for _, st := range pb.Phases[0].Steps {
		if st.Sensitive != want[st.Name] {
			t.Errorf("%s: Sensitive = %v", st.Name, st.Sensitive)
		}
	}
}
