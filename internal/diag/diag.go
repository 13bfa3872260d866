// Package diag prints HCL diagnostics the same way everywhere: with the
// file, line and column, and the source lines they point at.
package diag

import (
	"io"

	"github.com/hashicorp/hcl/v2"
)

// Write prints diags as text. files are the parsed sources (the parser's
// Files()), which is what lets each message show its source snippet.
func Write(w io.Writer, files map[string]*hcl.File, diags hcl.Diagnostics, color bool) error {
	if len(diags) == 0 {
		return nil
	}
	return hcl.NewDiagnosticTextWriter(w, files, 100, color).WriteDiagnostics(diags)
}
