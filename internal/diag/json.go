package diag

import (
	"encoding/json"
	"io"

	"github.com/hashicorp/hcl/v2"
)

// JSONPos is a position in a source file; Line and Column count from 1,
// Byte from 0.
type JSONPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte"`
}

// JSONDiagnostic is one diagnostic as editors and CI read it. Filename,
// Start and End are absent for problems that are in no file (a
// malformed command-line flag).
type JSONDiagnostic struct {
	Severity string   `json:"severity"` // "error" or "warning"
	Summary  string   `json:"summary"`
	Detail   string   `json:"detail,omitempty"`
	Filename string   `json:"filename,omitempty"`
	Start    *JSONPos `json:"start,omitempty"`
	End      *JSONPos `json:"end,omitempty"`
}

// WriteJSON prints diags as one JSON array, in source order; no
// diagnostics is an empty array.
func WriteJSON(w io.Writer, diags hcl.Diagnostics) error {
	out := make([]JSONDiagnostic, 0, len(diags))
	for _, d := range Sorted(diags) {
		jd := JSONDiagnostic{Severity: "error", Summary: d.Summary, Detail: d.Detail}
		if d.Severity == hcl.DiagWarning {
			jd.Severity = "warning"
		}
		if d.Subject != nil {
			jd.Filename = d.Subject.Filename
			jd.Start = &JSONPos{d.Subject.Start.Line, d.Subject.Start.Column, d.Subject.Start.Byte}
			jd.End = &JSONPos{d.Subject.End.Line, d.Subject.End.Column, d.Subject.End.Byte}
		}
		out = append(out, jd)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
