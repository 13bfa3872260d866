package playbooks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// loadSource writes src as p.hcl, with files beside it, and loads it.
func loadSource(t *testing.T, src string, files map[string]string, vals *Values) (*Playbook, hcl.Diagnostics) {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if vals != nil {
		for i, f := range vals.Files {
			if !filepath.IsAbs(f) {
				vals.Files[i] = filepath.Join(dir, f)
			}
		}
	}
	path := filepath.Join(dir, "p.hcl")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := &Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
	return l.Load(path, vals)
}

// runOf returns the run line of the first command step.
func runOf(t *testing.T, pb *Playbook) string {
	t.Helper()
	for _, ph := range pb.Phases {
		for _, st := range ph.Steps {
			if c, ok := st.Module.(*modules.Command); ok {
				return c.Run
			}
		}
	}
	t.Fatal("no command step")
	return ""
}

// wantError checks that diags hold an error whose text contains every
// one of parts.
func wantError(t *testing.T, diags hcl.Diagnostics, parts ...string) {
	t.Helper()
	if !diags.HasErrors() {
		t.Fatalf("no error; want one containing %q", parts)
	}
	text := diags.Error()
	for _, d := range diags {
		text += "\n" + d.Detail
		if d.Subject != nil {
			text += "\n" + d.Subject.String()
		}
	}
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("errors do not mention %q:\n%s", p, text)
		}
	}
}
