package inventory_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/internal/diag"

	"github.com/switchbackhq/switchback/inventory"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestDiagnosticsGolden loads every broken inventory under testdata and
// compares the printed diagnostics, source snippets included, with the
// .golden file beside it.
func TestDiagnosticsGolden(t *testing.T) {
	files, err := filepath.Glob("../testdata/diagnostics/inventories/*.hcl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test playbooks found: %v", err)
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".hcl"), func(t *testing.T) {
			parser := hclparse.NewParser()
			inv, diags := inventory.LoadHCL(parser, path)
			if !diags.HasErrors() || inv != nil {
				t.Fatalf("expected errors, got none")
			}
			var got bytes.Buffer
			if err := diag.Write(&got, parser.Files(), diags, false); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, strings.TrimSuffix(path, ".hcl")+".golden", got.Bytes())
			// Every error must point into the file, so the user can find it.
			for _, d := range diags {
				if d.Subject == nil {
					t.Errorf("diagnostic %q has no source range", d.Summary)
				}
			}
		})
	}
}

func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("diagnostics differ from %s (go test -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", golden, got, want)
	}
}
