package playbooks_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// TestExamplesAreValid keeps every shipped example loadable. A var file
// (NAME.vars.hcl, or NAME-VARIANT.vars.hcl) is loaded with the playbook
// NAME.hcl it is for.
func TestExamplesAreValid(t *testing.T) {
	files, _ := filepath.Glob("examples/*.hcl")
	if len(files) == 0 {
		t.Fatal("no examples found")
	}
	for _, path := range files {
		l := &playbooks.Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
		playbook, vals := path, (*playbooks.Values)(nil)
		if base, ok := strings.CutSuffix(filepath.Base(path), ".vars.hcl"); ok {
			name, _, _ := strings.Cut(base, "-")
			playbook, vals = filepath.Join("examples", name+".hcl"), &playbooks.Values{Files: []string{path}}
		}
		if _, diags := l.Load(playbook, vals); diags.HasErrors() {
			t.Errorf("%s: %s", path, diags.Error())
		}
	}
}

// TestReadmePlaybooksAreValid loads every playbook shown in README.md.
func TestReadmePlaybooksAreValid(t *testing.T) {
	blocks := readmeHCL(t)
	n := 0
	for i, src := range blocks {
		if !strings.Contains(src, "playbook {") {
			continue
		}
		n++
		path := filepath.Join(t.TempDir(), fmt.Sprintf("readme-%d.hcl", i))
		// README playbooks may read the example files (templates).
		if err := os.CopyFS(filepath.Join(filepath.Dir(path), "files"), os.DirFS("examples/files")); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		l := &playbooks.Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
		if _, diags := l.Load(path, nil); diags.HasErrors() {
			t.Errorf("README playbook %d: %s", i, diags.Error())
		}
	}
	if n == 0 {
		t.Error("README.md shows no playbook")
	}
}

// readmeHCL returns the ```hcl blocks of README.md.
func readmeHCL(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	parts := strings.Split(string(b), "```hcl\n")
	for _, p := range parts[1:] {
		body, _, _ := strings.Cut(p, "```")
		blocks = append(blocks, body)
	}
	return blocks
}
