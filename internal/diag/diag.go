// Package diag prints HCL diagnostics the same way everywhere: with the
// file, line and column, and the source lines they point at.
package diag

import (
	"fmt"
	"io"
	"slices"

	"github.com/hashicorp/hcl/v2"
)

// Write prints diags as text, in source order. files are the parsed
// sources (the parser's Files()), which is what lets each message show
// its source snippet.
func Write(w io.Writer, files map[string]*hcl.File, diags hcl.Diagnostics, color bool) error {
	if len(diags) == 0 {
		return nil
	}
	return hcl.NewDiagnosticTextWriter(w, files, 100, color).WriteDiagnostics(Sorted(diags))
}

// Sorted orders diagnostics by file and position; those without a place
// (about command-line values) come first. The input is not modified.
func Sorted(diags hcl.Diagnostics) hcl.Diagnostics {
	out := slices.Clone(diags)
	slices.SortStableFunc(out, func(a, b *hcl.Diagnostic) int {
		switch {
		case a.Subject == nil && b.Subject == nil:
			return 0
		case a.Subject == nil:
			return -1
		case b.Subject == nil:
			return 1
		case a.Subject.Filename != b.Subject.Filename:
			if a.Subject.Filename < b.Subject.Filename {
				return -1
			}
			return 1
		}
		return a.Subject.Start.Byte - b.Subject.Start.Byte
	})
	return out
}

// Duplicate reports a second declaration of a named block: summary and
// hint are the caller's, the pointer to the first declaration is ours.
func Duplicate(summary, what string, first, again hcl.Range, hint string) *hcl.Diagnostic {
	detail := fmt.Sprintf("%s was already declared at %s.", what, first)
	if hint != "" {
		detail += " " + hint
	}
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: again.Ptr()}
}
