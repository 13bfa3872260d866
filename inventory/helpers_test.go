package inventory_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/inventory"
)

// loadSource writes src to a file called name (its extension picks the
// format) and loads it, failing the test on any error.
func loadSource(t *testing.T, name, src string) *inventory.Inventory {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	inv, diags := inventory.Load(hclparse.NewParser(), path)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return inv
}
