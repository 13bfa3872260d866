package inventory

import "github.com/hashicorp/hcl/v2"

func parseTOMLInventory(m *model, f *textFile, ctx *loadCtx) hcl.Diagnostics {
	return hcl.Diagnostics{errorAt(f.rng(0, 0), "TOML inventory", "TOML inventories are not read yet.")}
}
