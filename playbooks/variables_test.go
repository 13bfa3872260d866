package playbooks

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/modules"
)

func TestParseVarFlags(t *testing.T) {
	got, err := ParseVarFlags([]string{"a=1", "b=x=y", "c="})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a": "1", "b": "x=y", "c": ""}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	for _, bad := range []string{"novalue", "=x"} {
		if _, err := ParseVarFlags([]string{bad}); err == nil {
			t.Errorf("--var %q must be refused", bad)
		}
	}
}

const varsPlaybook = `
playbook { name = "vars" }
variable "packages" {
  type    = list(string)
  default = ["a"]
}
variable "motd" { default = "hi" }
variable "retries" {
  type    = number
  default = 3
}
phase "p" {
  apk "pkgs" { packages = var.packages }
  command "c" { run = "echo ${shellquote(var.motd)} ${var.retries}" }
}
`

func TestVariablePrecedence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.hcl")
	if err := os.WriteFile(path, []byte(varsPlaybook), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		vars     map[string]string
		packages []string
		run      string
		wantErr  bool
	}{
		{"defaults", nil, []string{"a"}, "echo hi 3", false},
		{"given", map[string]string{"packages": `["b","c"]`, "motd": "it's me", "retries": "5"}, []string{"b", "c"}, `echo 'it'\''s me' 5`, false},
		{"wrong type", map[string]string{"retries": "many"}, nil, "", true},
		{"undeclared", map[string]string{"nope": "1"}, nil, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin()}
			pb, diags := l.Load(path, tt.vars)
			if tt.wantErr {
				if !diags.HasErrors() {
					t.Fatal("expected an error")
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			apk := pb.Phases[0].Steps[0].Module.(*modules.Apk)
			cmd := pb.Phases[0].Steps[1].Module.(*modules.Command)
			if len(apk.Packages) != len(tt.packages) || apk.Packages[0] != tt.packages[0] {
				t.Errorf("packages = %v, want %v", apk.Packages, tt.packages)
			}
			if cmd.Run != tt.run {
				t.Errorf("run = %q, want %q", cmd.Run, tt.run)
			}
		})
	}
}
