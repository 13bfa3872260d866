package modules

import (
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/ash"
)

// TestAshCheckDecode: wrong values are refused before a host is touched,
// with the line of the attribute at fault; fail_on defaults to "warning",
// as lint-sh's --fail-on does.
func TestAshCheckDecode(t *testing.T) {
	tests := []struct {
		body, summary string
		line          int
	}{
		{`paths = []`, "No paths", 1},
		{`paths = ["opt/scripts"]`, "Invalid path", 1},
		{`paths = ["/opt/../etc"]`, "Invalid path", 1},
		{"paths = [\"/opt\"]\nfail_on = \"fatal\"", "Invalid fail_on", 2},
		{`fail_on = "error"`, "Missing required argument", 1},
	}
	for _, tt := range tests {
		_, diags := decodeStep(t, "ash_check", tt.body)
		if !diags.HasErrors() || diags[0].Summary != tt.summary || diags[0].Subject.Start.Line != tt.line {
			t.Errorf("%q: got %v, want %q on line %d", tt.body, diags, tt.summary, tt.line)
		}
	}
	m, diags := decodeStep(t, "ash_check", `paths = ["/opt", "/usr/local/bin/tool"]`)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if c := m.(*AshCheck); c.FailOn != "warning" || len(c.Paths) != 2 {
		t.Errorf("decoded %+v", c)
	}
}

// TestAshCheckFailOn: which findings fail the step at each fail_on.
func TestAshCheckFailOn(t *testing.T) {
	fs := []ash.Finding{{Severity: ash.SeverityInfo}, {Severity: ash.SeverityWarning}, {Severity: ash.SeverityError}}
	for failOn, want := range map[string]int{"error": 1, "warning": 2, "info": 3, "never": 0} {
		if got := len((&AshCheck{FailOn: failOn}).failing(fs)); got != want {
			t.Errorf("fail_on %s: %d failing, want %d", failOn, got, want)
		}
	}
	err := &AshFindingsError{FailOn: "error", Findings: []ash.Finding{{Path: "/opt/x", Line: 2, Col: 1, Rule: "bash-array", Severity: ash.SeverityError, Message: "arrays"}}}
	if !strings.Contains(err.Error(), "/opt/x:2:1 bash-array error: arrays") {
		t.Errorf("error message %q", err.Error())
	}
}

// TestAshCheckPackages: packages = [...] are installed before the scripts
// run, so their commands are not missing.
func TestAshCheckPackages(t *testing.T) {
	m, diags := decodeStep(t, "ash_check", "paths = [\"/opt\"]\npackages = [\"curl\", \"cmd:envsubst\"]")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	c := m.(*AshCheck)
	files := []hostFile{{path: "/opt/render.sh", src: []byte("#!/bin/sh\nenvsubst < t > out\ncurl -s http://localhost/\nrsync -a a b\n")}}
	var missing []string
	for _, f := range c.analyze(files) {
		if f.Rule == "missing-command" {
			missing = append(missing, f.Message)
		}
	}
	if len(missing) != 1 || !strings.Contains(missing[0], "rsync") {
		t.Errorf("with packages %v, missing commands %q; want rsync alone", c.Packages, missing)
	}
	c.Packages = nil
	if n := len(c.analyze(files)); n < 3 {
		t.Errorf("without packages, %d findings; want the three missing commands", n)
	}
}
