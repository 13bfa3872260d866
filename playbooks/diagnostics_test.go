package playbooks_test

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/internal/golden"
	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestDiagnosticsGolden loads every broken playbook under testdata and
// compares the printed diagnostics with the .golden file beside it.
func TestDiagnosticsGolden(t *testing.T) {
	golden.Diagnostics(t, "../testdata/diagnostics/playbooks/*.hcl", *update, func(p *hclparse.Parser, path string) hcl.Diagnostics {
		// A case with a NAME.vars beside it loads that as a var file.
		var vals *playbooks.Values
		if varFile := strings.TrimSuffix(path, ".hcl") + ".vars"; fileExists(varFile) {
			vals = &playbooks.Values{Files: []string{varFile}}
		}
		l := &playbooks.Loader{Parser: p, Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
		pb, diags := l.Load(path, vals)
		if pb != nil && diags.HasErrors() {
			t.Errorf("%s: a playbook came back along with errors", path)
		}
		return diags
	})
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
