package modules

import (
	"fmt"
	"maps"
	"slices"
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
	for _, f := range c.analyze(files, hostAnswers{}) {
		if f.Rule == "missing-command" {
			missing = append(missing, f.Message)
		}
	}
	if len(missing) != 1 || !strings.Contains(missing[0], "rsync") {
		t.Errorf("with packages %v, missing commands %q; want rsync alone", c.Packages, missing)
	}
	c.Packages = nil
	if n := len(c.analyze(files, hostAnswers{})); n < 3 {
		t.Errorf("without packages, %d findings; want the three missing commands", n)
	}
}

// TestAshCheckHostAnswers: what the host says of its commands replaces
// the table of a base Alpine, packages still count for a command it
// lacks, and ash's parse failure is reported where ash runs the script.
func TestAshCheckHostAnswers(t *testing.T) {
	src := []byte("#!/bin/sh\nrsync -a a b\nxxd -p f\njq . x\ncommand -v less >/dev/null || echo no pager\n")
	files := []hostFile{{path: "/opt/sync.sh", src: src}}
	c := &AshCheck{Paths: []string{"/opt"}, FailOn: "warning", Packages: []string{"jq"}}
	if got, want := c.questions(files), []string{"echo", "jq", "less", "rsync", "xxd"}; !slices.Equal(got, want) {
		t.Errorf("questions %q, want %q", got, want)
	}
	host := hostAnswers{has: map[string]bool{"rsync": true, "xxd": false, "jq": false, "less": false}}
	var got []string
	for _, f := range c.analyze(files, host) {
		got = append(got, fmt.Sprintf("%d %s", f.Line, f.Rule))
	}
	// rsync: the host has it; xxd: a base Alpine has it, this host does
	// not; jq: packages installs it; less: the check finds nothing.
	if want := []string{"3 missing-command", "5 missing-command-check"}; !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}

func TestAshParseFinding(t *testing.T) {
	out := "! /opt/a.sh\n| /opt/a.sh: line 4: syntax error: unexpected \"(\"\n! /opt/b\n| /opt/b: line 2: syntax error: unexpected \"(\"\n"
	fails := parseFailures(out)
	tests := []struct {
		path, src string
		has       map[string]bool
		want      string // "" for no finding
	}{
		{"/opt/a.sh", "#!/bin/sh\n", nil, `4 the host's ash cannot parse the script (sh -n): syntax error: unexpected "("; none of it runs`},
		{"/opt/a.sh", "echo no shebang\n", nil, "4 "},
		{"/opt/b", "#!/bin/bash\n", map[string]bool{"/bin/bash": false}, "2 "},
		{"/opt/b", "#!/bin/bash\n", map[string]bool{"/bin/bash": true}, ""},
		{"/opt/b", "#!/usr/bin/env bash\n", map[string]bool{"bash": true}, ""},
		{"/opt/b", "#!/sbin/openrc-run\n", map[string]bool{"/sbin/openrc-run": true}, "2 "},
		{"/opt/b", "#!/usr/bin/python3\n", nil, ""},
		{"/opt/c.sh", "#!/bin/sh\n", nil, ""},
	}
	for _, tt := range tests {
		f, ok := hostAnswers{parse: fails, has: tt.has}.parseFinding(hostFile{path: tt.path, src: []byte(tt.src)})
		got := ""
		if ok {
			got = fmt.Sprintf("%d %s", f.Line, f.Message)
		}
		if got != tt.want && !(tt.want != "" && strings.HasPrefix(got, tt.want)) {
			t.Errorf("%s %q: %q, want %q", tt.path, tt.src, got, tt.want)
		}
	}
	// A construct on the line ash stopped at is listed under it, and
	// counted once.
	fs := []ash.Finding{
		{Path: "/opt/b", Line: 1, Rule: "bash-shebang", Severity: ash.SeverityError},
		{Path: "/opt/b", Line: 2, Rule: RuleAshParse, Severity: ash.SeverityError, Message: "parse"},
		{Path: "/opt/b", Line: 2, Rule: "bash-array", Severity: ash.SeverityError, Message: "arrays"},
	}
	if n := countFindings(fs); n != 2 {
		t.Errorf("counted %d, want 2", n)
	}
	msg := (&AshFindingsError{FailOn: "warning", Findings: fs}).Error()
	if !strings.Contains(msg, "2 finding(s)") || !strings.Contains(msg, "\n  + /opt/b:2:0 bash-array error: arrays") {
		t.Errorf("error message:\n%s", msg)
	}
}

// TestHostCommands: the host's listing answers for names (files in its
// PATH, ash's builtins) and for paths in the directories listed.
func TestHostCommands(t *testing.T) {
	listed := "/usr/local/bin/rsync\n/bin/ls\n/usr/bin/xxd\nBuilt-in commands:\n------------------\n\t. : [ echo\n\tlocal printf\n"
	got := parseHostCommands(listed).answer([]string{"rsync", "ls", "echo", "printf", "jq", "/usr/bin/xxd", "/bin/xxd", "/opt/bin/x"})
	want := map[string]bool{"rsync": true, "ls": true, "echo": true, "printf": true, "jq": false, "/usr/bin/xxd": true, "/bin/xxd": false}
	if !maps.Equal(got, want) {
		t.Errorf("answers %v, want %v", got, want)
	}
}

// TestAshCheckHostPaths: a path the host has is not command-path's; a
// check for a path of software the table does not know is not asked.
func TestAshCheckHostPaths(t *testing.T) {
	src := []byte("#!/bin/sh\n/bin/basename x\n[ -x /usr/sbin/nginx-custom ] || exit 0\n/usr/bin/rsync -a a b\n")
	c := &AshCheck{Paths: []string{"/opt/x.sh"}, FailOn: "warning"}
	files := []hostFile{{path: "/opt/x.sh", src: src}}
	if got, want := c.questions(files), []string{"/bin/basename", "/usr/bin/rsync", "["}; !slices.Equal(got, want) {
		t.Fatalf("questions %q, want %q", got, want)
	}
	var got []string
	for _, f := range c.analyze(files, hostAnswers{has: map[string]bool{"/bin/basename": true, "/usr/bin/rsync": false}}) {
		got = append(got, fmt.Sprintf("%d %s", f.Line, f.Rule))
	}
	if want := []string{"4 missing-command"}; !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}
