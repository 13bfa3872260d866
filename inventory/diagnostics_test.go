package inventory_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/internal/diag"
	"github.com/switchbackhq/switchback/internal/golden"
	"github.com/switchbackhq/switchback/inventory"
)

var update = flag.Bool("update", false, "rewrite golden files")

const diagnosticsDir = "../testdata/diagnostics/inventories"

// TestDiagnosticsGolden loads every broken inventory under testdata and
// compares the printed diagnostics with the .golden file beside it.
func TestDiagnosticsGolden(t *testing.T) {
	golden.Diagnostics(t, "../testdata/diagnostics/inventories/*.hcl", *update, func(p *hclparse.Parser, path string) hcl.Diagnostics {
		inv, diags := inventory.LoadHCL(p, path)
		if inv != nil && diags.HasErrors() {
			t.Errorf("%s: an inventory came back along with errors", path)
		}
		return diags
	})
}

// TestAnsibleDiagnosticsGolden loads every broken Ansible inventory (INI,
// YAML and JSON files, and directories with group_vars/ or host_vars/)
// under testdata with Load. The golden file lists each diagnostic's
// file:line:col, then the diagnostics as the CLI prints them, snippets
// included: Load registers these sources with the parser. Files named
// *-warn-* load, with warnings: Ansible reads them too, and only fails
// when it connects to the hosts they describe (runs refuse those hosts).
func TestAnsibleDiagnosticsGolden(t *testing.T) {
	entries, err := os.ReadDir(diagnosticsDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if !e.IsDir() && !slices.Contains([]string{".ini", ".yml", ".yaml", ".json"}, ext) {
			continue
		}
		n++
		path := filepath.Join(diagnosticsDir, e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			parser := hclparse.NewParser()
			inv, diags := inventory.Load(parser, path)
			if strings.Contains(e.Name(), "-warn-") {
				if diags.HasErrors() || inv == nil || len(diags) == 0 {
					t.Fatalf("%s: want warnings only, got %v", path, diags)
				}
			} else if !diags.HasErrors() || inv != nil {
				t.Fatalf("%s loaded without errors (%d diagnostics)", path, len(diags))
			}
			var got bytes.Buffer
			for _, d := range diag.Sorted(diags) {
				if d.Subject == nil {
					t.Errorf("diagnostic %q has no source range", d.Summary)
					continue
				}
				if f := parser.Files()[d.Subject.Filename]; f == nil || f.Bytes == nil {
					t.Errorf("the source of %s is not registered with the parser", d.Subject.Filename)
				}
				fmt.Fprintf(&got, "%s:%d:%d: %s\n", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column, d.Summary)
			}
			got.WriteString("\n")
			if err := diag.Write(&got, parser.Files(), diags, false); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, strings.TrimSuffix(path, ext)+".golden", got.Bytes(), *update)
		})
	}
	if n < 12 {
		t.Errorf("only %d broken Ansible inventories under %s", n, diagnosticsDir)
	}
}

// TestHCLDiagnosticPositions pins where the errors of the newer broken
// HCL inventories point, as file:line:col; their messages are in the
// .golden files beside them.
func TestHCLDiagnosticPositions(t *testing.T) {
	tests := map[string][]string{
		"range-backwards.hcl":    {"1:10 Invalid host range"},
		"range-mixed.hcl":        {"1:10 Invalid host range"},
		"range-padding.hcl":      {"4:25 Invalid host range"},
		"children-cycle.hcl":     {"13:15 Group cycle"},
		"unknown-child.hcl":      {"8:22 Unknown group in children"},
		"bad-become-method.hcl":  {"3:19 Unsupported become method"},
		"bad-jump.hcl":           {"2:10 Invalid jump host"},
		"bad-jump-list.hcl":      {"2:10 Invalid jump host"},
		"vars-not-an-object.hcl": {"2:10 Invalid vars"},
	}
	for name, want := range tests {
		path := filepath.Join(diagnosticsDir, name)
		_, diags := inventory.LoadHCL(hclparse.NewParser(), path)
		var got []string
		for _, d := range diag.Sorted(diags) {
			if d.Subject == nil || d.Subject.Filename != path {
				t.Errorf("%s: %q does not point into the file", name, d.Summary)
				continue
			}
			got = append(got, fmt.Sprintf("%d:%d %s", d.Subject.Start.Line, d.Subject.Start.Column, d.Summary))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
