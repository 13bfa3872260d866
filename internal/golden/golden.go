// Package golden compares test output with files kept under testdata.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/internal/diag"
)

// Check compares got with the golden file at path, or rewrites the file
// when update is set (go test -update).
func Check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// Diagnostics loads every file matching pattern with load, which must
// fail, and compares the printed diagnostics (source snippets included)
// with the .golden file beside each. Every error must point into a file.
func Diagnostics(t *testing.T, pattern string, update bool, load func(p *hclparse.Parser, path string) hcl.Diagnostics) {
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no files match %s: %v", pattern, err)
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".hcl"), func(t *testing.T) {
			parser := hclparse.NewParser()
			diags := load(parser, path)
			if !diags.HasErrors() {
				t.Fatalf("%s loaded without errors", path)
			}
			for _, d := range diags {
				if d.Subject == nil {
					t.Errorf("diagnostic %q has no source range", d.Summary)
				}
			}
			var got bytes.Buffer
			if err := diag.Write(&got, parser.Files(), diags, false); err != nil {
				t.Fatal(err)
			}
			Check(t, strings.TrimSuffix(path, ".hcl")+".golden", got.Bytes(), update)
		})
	}
}
