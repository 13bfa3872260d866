package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

const lossPlaybook = `
playbook { name = "loss" }
phase "p" {
  command "count" { run = "echo run >> /root/count" }
  command "long"  { run = "if [ ! -e /root/slept ]; then touch /root/started; sleep 20; touch /root/slept; fi" }
}
`

// recapRow returns a host's row of the recap.
func recapRow(t *testing.T, out, host string) string {
	t.Helper()
	i := strings.LastIndex(out, "\nRECAP\n")
	if i < 0 {
		t.Fatalf("no recap in the output:\n%s", out)
	}
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(host) + ` .*$`).FindString(out[i:])
	if m == "" {
		t.Fatalf("no recap row for %s:\n%s", host, out[i:])
	}
	return m
}

// TestRecapOfLostAndResumedHosts: a host lost in the middle of a step is
// counted unreachable, not failed, in its recap row as in the summary
// and the state database; after a resume, a host that finished before
// keeps the counts of the run that converged it, noted once.
func TestRecapOfLostAndResumedHosts(t *testing.T) {
	f := fleet.Start(t, 2)
	lost := f.Hosts[1]
	pb := writeFile(t, t.TempDir(), "loss.hcl", lossPlaybook)
	if err := os.WriteFile(f.Hosts[0].Path("/root/slept"), nil, 0o644); err != nil {
		t.Fatal(err) // host-01 does not wait
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		waitFile(t, lost.Path("/root/started"))
		if err := f.StopHost(lost.Name); err != nil {
			t.Error(err)
		}
	}()
	code, out := runCLI(t, runArgs(f, pb)...)
	<-done
	if code != runner.ExitUnreachable {
		t.Fatalf("exit %d, want %d", code, runner.ExitUnreachable)
	}
	if row := recapRow(t, out, lost.Name); !strings.Contains(row, "failed=0   unreachable=1") {
		t.Errorf("the lost host's row: %q, want failed=0 unreachable=1", row)
	}
	if !strings.Contains(out, "2 host(s): 1 ok, 0 failed, 1 unreachable") {
		t.Error("the summary does not count one unreachable host and none failed")
	}
	id := runID(t, out)
	_, shown := runCLI(t, "runs", "show", id)
	if !regexp.MustCompile(`(?m)^` + lost.Name + ` +1 +unreachable +0 +1 +0`).MatchString(shown) {
		t.Errorf("runs show does not record the lost host as unreachable with 0 failed:\n%s", shown)
	}

	if err := f.StartHost(lost.Name); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lost.Path("/root/slept"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out = runCLI(t, "run", "--resume", id)
	if code != runner.ExitOK {
		t.Fatalf("resume: exit %d", code)
	}
	row := recapRow(t, out, f.Hosts[0].Name)
	if !strings.Contains(row, "ok=0   changed=2   failed=0") {
		t.Errorf("the host that finished before the resume: %q, want the counts of the run that converged it", row)
	}
	if n := strings.Count(row, "(finished before the resume)"); n != 1 {
		t.Errorf("the row says %d time(s) that the host finished before the resume: %q", n, row)
	}
	if row := recapRow(t, out, lost.Name); !strings.Contains(row, "failed=0   unreachable=0") {
		t.Errorf("the resumed host: %q", row)
	}
}
