package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestLintShSARIF decodes the SARIF that lint-sh writes and checks what
// SARIF 2.1.0 requires of a log and what GitHub code scanning reads: the
// version, a run whose tool has a driver name, unique rule ids, and for
// every result a message text, a known rule (by id and by index), a valid
// level and a location with a file and a 1-based line and column.
func TestLintShSARIF(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "deploy.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nhosts=(a b)\nfor i in {1..3}; do :; done\nf() { local x; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := Main([]string{"lint-sh", "--format", "sarif", script}, Env{Stdout: &stdout, Stderr: &stderr, Getenv: os.Getenv})
	if code != 1 {
		t.Fatalf("exit %d, want 1 (an error finding); stderr: %s", code, stderr.String())
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results *[]struct {
				RuleID    string `json:"ruleId"`
				RuleIndex *int   `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	dec := json.NewDecoder(&stdout)
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("decoding the SARIF log: %v", err)
	}
	if log.Version != "2.1.0" {
		t.Errorf("version %q, want 2.1.0", log.Version)
	}
	if log.Schema == "" {
		t.Error("no $schema")
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name == "" {
		t.Error("tool.driver.name is required")
	}
	ids := map[string]int{}
	for i, r := range run.Tool.Driver.Rules {
		if _, dup := ids[r.ID]; dup || r.ID == "" {
			t.Errorf("rule id %q is empty or not unique", r.ID)
		}
		ids[r.ID] = i
	}
	if run.Results == nil {
		t.Fatal("results must be present (an empty array when nothing is found)")
	}
	levels := map[string]bool{"none": true, "note": true, "warning": true, "error": true}
	seen := map[string]string{}
	for _, r := range *run.Results {
		if r.Message.Text == "" {
			t.Errorf("%s: message.text is required", r.RuleID)
		}
		i, ok := ids[r.RuleID]
		if !ok || r.RuleIndex == nil || *r.RuleIndex != i {
			t.Errorf("%s: ruleId/ruleIndex do not point at a rule of the driver", r.RuleID)
		}
		if !levels[r.Level] {
			t.Errorf("%s: level %q", r.RuleID, r.Level)
		}
		if len(r.Locations) != 1 {
			t.Fatalf("%s: %d locations, want 1", r.RuleID, len(r.Locations))
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != filepath.ToSlash(script) || loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 {
			t.Errorf("%s: location %+v", r.RuleID, loc)
		}
		seen[r.RuleID] = r.Level
	}
	for rule, level := range map[string]string{"bash-array": "error", "brace-range": "warning", "local": "note"} {
		if seen[rule] != level {
			t.Errorf("%s: level %q, want %q", rule, seen[rule], level)
		}
	}
}

// TestLintShFailOn: the exit code follows --fail-on, and the default
// stops on a warning (a script that runs under ash with another result).
func TestLintShFailOn(t *testing.T) {
	dir := t.TempDir()
	scripts := map[string]string{
		"error.sh":   "#!/bin/sh\nhosts=(a b)\n",                 // bash-array: error
		"warning.sh": "#!/bin/sh\nfor i in {1..3}; do :; done\n", // brace-range: warning
		"info.sh":    "#!/bin/sh\nf() { local x; }\n",            // local: info
		"clean.sh":   "#!/bin/sh\necho ok\n",
	}
	for name, src := range scripts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		failOn string // "" is the default
		want   map[string]int
	}{
		{"", map[string]int{"error.sh": 1, "warning.sh": 1, "info.sh": 0, "clean.sh": 0}},
		{"error", map[string]int{"error.sh": 1, "warning.sh": 0, "info.sh": 0, "clean.sh": 0}},
		{"warning", map[string]int{"error.sh": 1, "warning.sh": 1, "info.sh": 0, "clean.sh": 0}},
		{"info", map[string]int{"error.sh": 1, "warning.sh": 1, "info.sh": 1, "clean.sh": 0}},
		{"never", map[string]int{"error.sh": 0, "warning.sh": 0, "info.sh": 0, "clean.sh": 0}},
	}
	for _, tt := range tests {
		for name, want := range tt.want {
			args := []string{"lint-sh"}
			if tt.failOn != "" {
				args = append(args, "--fail-on", tt.failOn)
			}
			args = append(args, filepath.Join(dir, name))
			var stdout, stderr bytes.Buffer
			if code := Main(args, Env{Stdout: &stdout, Stderr: &stderr, Getenv: os.Getenv}); code != want {
				t.Errorf("lint-sh --fail-on %q %s: exit %d, want %d\n%s%s", tt.failOn, name, code, want, stdout.String(), stderr.String())
			}
		}
	}
	var stdout, stderr bytes.Buffer
	code := Main([]string{"lint-sh", "--fail-on", "fatal", filepath.Join(dir, "clean.sh")}, Env{Stdout: &stdout, Stderr: &stderr, Getenv: os.Getenv})
	if code == 0 || !bytes.Contains(stderr.Bytes(), []byte("--fail-on")) {
		t.Errorf("--fail-on fatal: exit %d, stderr %q; want a usage error naming --fail-on", code, stderr.String())
	}
}

// TestLintShWithPackages: a command a base Alpine lacks is an error that
// names the package, unless --with-packages says the hosts will have it.
func TestLintShWithPackages(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "render.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nenvsubst < app.conf.tpl > app.conf\ncurl -fsS http://localhost/health\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := Main(append([]string{"lint-sh"}, args...), Env{Stdout: &stdout, Stderr: &stderr, Getenv: os.Getenv})
		return code, stdout.String() + stderr.String()
	}
	code, out := run(script)
	if code != 1 || !bytes.Contains([]byte(out), []byte("apk add cmd:envsubst")) || !bytes.Contains([]byte(out), []byte("apk add curl")) {
		t.Errorf("lint-sh: exit %d, want 1 with the packages to add:\n%s", code, out)
	}
	if code, out := run("--with-packages", "curl", script); code != 1 || bytes.Contains([]byte(out), []byte("apk add curl")) {
		t.Errorf("lint-sh --with-packages curl: exit %d, want 1 for envsubst alone:\n%s", code, out)
	}
	if code, out := run("--with-packages", "cmd:envsubst,curl", script); code != 0 {
		t.Errorf("lint-sh --with-packages cmd:envsubst,curl: exit %d, want 0:\n%s", code, out)
	}
}
