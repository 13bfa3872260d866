package inventory_test

import (
	"flag"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/internal/golden"
	"github.com/switchbackhq/switchback/inventory"
)

var update = flag.Bool("update", false, "rewrite golden files")

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
