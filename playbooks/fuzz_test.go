package playbooks

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// FuzzLoadPlaybook loads arbitrary files as playbooks and demands no
// panic, diagnostics that point into a file, and a playbook exactly when
// there is no error. Seeds are in testdata/fuzz/FuzzLoadPlaybook: the
// examples and the broken playbooks of the diagnostics tests.
func FuzzLoadPlaybook(f *testing.F) {
	dir, err := os.MkdirTemp("", "fuzz-playbook")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { os.RemoveAll(dir) })
	// A file and a template for file() and templatefile() to find.
	if err := os.WriteFile(filepath.Join(dir, "motd.txt"), []byte("hello ${name}\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	path := filepath.Join(dir, "fuzz.hcl")
	f.Fuzz(func(t *testing.T, src []byte) {
		if err := os.WriteFile(path, src, 0o644); err != nil {
			t.Fatal(err)
		}
		l := &Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
		start := time.Now()
		pb, diags := l.Load(path, &Values{Flags: map[string]string{}})
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("loading took %v", d)
		}
		if (pb == nil) != diags.HasErrors() {
			t.Fatalf("playbook %v with errors %v", pb != nil, diags.HasErrors())
		}
		for _, d := range diags {
			if d.Subject == nil {
				t.Fatalf("diagnostic %q has no range", d.Summary)
			}
			if d.Subject.Start.Byte > d.Subject.End.Byte || d.Subject.Start.Line < 1 || d.Subject.Start.Column < 1 {
				t.Fatalf("diagnostic %q has a bad range %v", d.Summary, d.Subject)
			}
		}
		if pb != nil {
			_ = pb.SensitiveValues()
			if len(pb.Phases) == 0 {
				t.Fatal("a playbook without phases")
			}
		}
	})
}

const varFilePlaybook = `
playbook { name = "p" }
variable "name" { default = "web" }
variable "port" {
  type    = number
  default = 22
  validation {
    condition     = var.port > 0
    error_message = "port > 0"
  }
}
variable "tags" {
  type      = map(string)
  default   = {}
  sensitive = true
}
variable "list" {
  type    = list(object({ a = string, b = optional(number) }))
  default = []
}
phase "p" {
  command "c" { run = "echo ${var.name} ${var.port} ${jsonencode(var.tags)} ${length(var.list)}" }
}
`

// FuzzLoadVarFile loads arbitrary var files for a fixed playbook, with
// the same demands as FuzzLoadPlaybook.
func FuzzLoadVarFile(f *testing.F) {
	for _, seed := range []string{"name = \"db\"\nport = 2222\n", "tags = { a = \"b\" }\n", "list = [{ a = \"x\" }]\n", "port = 0\n", "nope = 1\n", "variable \"x\" {}\n", "port = \"x\"\n"} {
		f.Add([]byte(seed))
	}
	dir, err := os.MkdirTemp("", "fuzz-varfile")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "p.hcl")
	varFile := filepath.Join(dir, "fuzz.vars")
	if err := os.WriteFile(path, []byte(varFilePlaybook), 0o644); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if err := os.WriteFile(varFile, src, 0o644); err != nil {
			t.Fatal(err)
		}
		l := &Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
		pb, diags := l.Load(path, &Values{Files: []string{varFile}})
		if (pb == nil) != diags.HasErrors() {
			t.Fatalf("playbook %v with errors %v", pb != nil, diags.HasErrors())
		}
		for _, d := range diags {
			if d.Subject == nil || d.Subject.Start.Byte > d.Subject.End.Byte || d.Subject.Start.Line < 1 {
				t.Fatalf("diagnostic %q has a bad range %v", d.Summary, d.Subject)
			}
		}
		if pb != nil {
			_ = pb.MaskSensitive(runOf(t, pb))
		}
	})
}
