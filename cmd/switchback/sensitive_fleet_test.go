package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

const sensitivePlaybook = `
playbook { name = "secrets" }
variable "token" {
  type      = string
  sensitive = true
}
locals {
  header = "Bearer ${var.token}"
}
phase "p" {
  command "use token" {
    run = "echo using ${shellquote(local.header)} > /root/used; echo token is ${shellquote(var.token)}; echo ${shellquote(var.token)} >&2; exit 3"
  }
}
`

// TestSensitiveValuesNeverShown: a sensitive variable reaches the host,
// and neither the console, the JSON events, the JUnit report, the state
// database nor the recorded arguments of the run ever show it.
func TestSensitiveValuesNeverShown(t *testing.T) {
	const secret = "s3cr3t-Token-42"
	f := fleet.Start(t, 1)
	dir := t.TempDir()
	pb := writeFile(t, dir, "secrets.hcl", sensitivePlaybook)
	db := filepath.Join(dir, "state.db")
	junit := filepath.Join(dir, "junit.xml")
	var outputs []string
	for _, format := range []string{"text", "json"} {
		code, out := runCLI(t, append(runArgs(f, pb), "--var", "token="+secret, "--state", db, "--junit", junit, "--output", format)...)
		if code != runner.ExitFailed {
			t.Fatalf("%s: exit %d, want %d", format, code, runner.ExitFailed)
		}
		outputs = append(outputs, out)
	}
	if got := mustRead(t, f.Hosts[0].Path("/root/used")); got != "using Bearer "+secret+"\n" {
		t.Fatalf("the host got %q: the secret did not reach it", got)
	}
	for _, out := range outputs {
		if strings.Contains(out, secret) {
			t.Errorf("output shows the secret:\n%s", out)
		}
	}
	if !strings.Contains(outputs[0], "token is "+runner.Masked) {
		t.Errorf("the command's output is not shown masked:\n%s", outputs[0])
	}
	files, _ := filepath.Glob(db + "*") // the database and its WAL
	files = append(files, junit)
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), secret) {
			t.Errorf("%s holds the secret", file)
		}
	}

	// The run cannot be resumed without the secret, and says how to give it.
	id := lastRun(t, db)
	code, out := runCLI(t, "run", "--resume", id, "--state", db)
	if code != runner.ExitUsage || !strings.Contains(out, "set SWITCHBACK_VAR_token in the environment") {
		t.Errorf("resume without the secret: exit %d, want %d and how to give it", code, runner.ExitUsage)
	}
}

var _ = fleet.Start
