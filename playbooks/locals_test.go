package playbooks

import (
	"testing"
)

func TestLocals(t *testing.T) {
	tests := []struct {
		name string
		src  string
		run  string
		errs []string
	}{
		{"declared after use, across blocks", `
locals { greeting = "${local.word}, ${var.who}" }
locals {
  word  = upper(local.base)
  base  = "hello"
}
variable "who" { default = "fleet" }
phase "p" {
  command "c" { run = "echo ${local.greeting}" }
}
`, "echo HELLO, fleet", nil},
		{"cycle", `
locals {
  a = local.b
  b = "${local.c}x"
  c = local.a
  d = "independent"
}
phase "p" {
  command "c" { run = "echo ${local.d}" }
}
`, "", []string{"Locals refer to each other in a cycle", "local.a (line 3) uses local.b on line 3, column 7", "local.b (line 4) uses local.c on line 4, column 10", "local.c (line 5) uses local.a on line 5, column 7", "p.hcl:3,3-4"}},
		{"self reference", `
locals { a = local.a }
phase "p" {
  command "c" { run = "echo ${local.a}" }
}
`, "", []string{"Locals refer to each other in a cycle", "local.a (line 2) uses local.a on line 2, column 14"}},
		{"undeclared local", `
locals { a = local.nope }
phase "p" {
  command "c" { run = "echo ${local.a}" }
}
`, "", []string{"Reference to undeclared local", `No local named "nope"`, "p.hcl:2,14-24"}},
		{"duplicate local", `
locals { a = 1 }
locals { a = 2 }
phase "p" {
  command "c" { run = "echo ${local.a}" }
}
`, "", []string{"Duplicate local", "p.hcl:3,10-11", "already declared at"}},
		{"error inside a local", `
locals { n = tonumber("x") }
phase "p" {
  command "c" { run = "echo ${local.n}" }
}
`, "", []string{"p.hcl:2,24-25", `cannot convert "x" to number`}},
		{"bad reference form", `
locals {
  a = 1
  b = local["a"]
}
phase "p" {
  command "c" { run = "echo ${local.b}" }
}
`, "", []string{"Invalid reference to a local", "Refer to a local as local.NAME"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pb, diags := loadSource(t, `playbook { name = "p" }`+tt.src, nil, nil)
			if tt.errs != nil {
				wantError(t, diags, tt.errs...)
				if len(diags) > 1 {
					t.Errorf("one error expected, a broken local must not cascade: %s", diags.Error())
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			if got := runOf(t, pb); got != tt.run {
				t.Errorf("run = %q, want %q", got, tt.run)
			}
		})
	}
}
