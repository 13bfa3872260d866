package main

// A later 'switchback rollback RUN' runs the on_rollback steps of the
// phases each host entered, as the run's own rollback does, from the
// run's playbook found as 'run --resume' finds it.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

// undoPlaybook halts without a rollback policy: every host fails, one in
// its first phase (/root/fail-register), one in its second
// (/root/fail-migrate). Each on_rollback step appends to /root/lb.log,
// outside the snapshot's paths, and only while /etc/motd still holds
// the run's change: a line shows the step ran before the restore.
const undoPlaybook = `
playbook { name = "undo later" }
snapshot { paths = ["/etc/motd"] }
rollout {
  waves    = ["100%"]
  max_fail = MAXFAIL
}
phase "register" {
  file "motd" {
    path    = "/etc/motd"
    content = "registered\n"
  }
  command "join" { run = "echo joined >> /root/lb.log" }
  command "stuck" {
    run    = "exit 1"
    unless = "[ ! -e /root/fail-register ]"
  }
  on_rollback {
    command "leave" { run = "grep -q registered /etc/motd && echo left >> /root/lb.log" }
  }
}
phase "migrate" {
  depends_on = ["register"]
  command "migrate" { run = "echo migrated >> /root/lb.log" }
  command "stuck" {
    run    = "exit 1"
    unless = "[ ! -e /root/fail-migrate ]"
  }
  on_rollback {
    command "undo migration" { run = "grep -q registered /etc/motd && echo %s >> /root/lb.log" }
  }
}
`

// haltedRun runs the playbook text as file name in dir on f, whose first
// host fails in phase "migrate" and second (if any) in phase "register";
// the run halts once every host failed and rolls nothing back. It
// returns the playbook's path and the run's id.
func haltedRun(t *testing.T, f *fleet.Fleet, dir, name, text string) (pb, id string) {
	t.Helper()
	pb = writeFile(t, dir, name, strings.Replace(text, "MAXFAIL", fmt.Sprint(len(f.Hosts)-1), 1))
	for i, h := range f.Hosts {
		mark := "/root/fail-migrate"
		if i > 0 {
			mark = "/root/fail-register"
		}
		if err := os.WriteFile(h.Path(mark), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitHalted || strings.Contains(out, "ROLLED BACK") {
		t.Fatalf("exit %d, want %d and no rollback", code, runner.ExitHalted)
	}
	wantInOutput(t, out, "HALT")
	want := []string{"joined\nmigrated\n", "joined\n"}
	for i, h := range f.Hosts {
		if got := mustRead(t, h.Path("/root/lb.log")); got != want[i] {
			t.Fatalf("%s: /root/lb.log = %q after the run, want %q", h.Name, got, want[i])
		}
		if !fileContains(t, h.Path("/etc/motd"), "registered") {
			t.Fatalf("%s: the run did not change /etc/motd", h.Name)
		}
	}
	return pb, runID(t, out)
}

// TestRollbackLaterRunsOnRollbackSteps: a run halts without a rollback
// policy; 'rollback RUN --check' lists the on_rollback steps each host
// would run; with the playbook edited, 'rollback RUN' is refused and
// changes nothing; with it as it was, each host runs the on_rollback
// steps of the phases it entered, last phase first, before its
// snapshot's restore (the host that entered only the first phase runs
// only its step).
func TestRollbackLaterRunsOnRollbackSteps(t *testing.T) {
	f := fleet.Start(t, 2)
	both, first := f.Hosts[0], f.Hosts[1]
	dir := t.TempDir()
	pb, id := haltedRun(t, f, dir, "undo.hcl", strings.Replace(undoPlaybook, "%s", "unmigrated", 1))
	text := mustRead(t, pb)
	rollback := func(extra ...string) (int, string) {
		return runCLI(t, append([]string{"rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts}, extra...)...)
	}
	unchanged := func(when string) {
		t.Helper()
		for i, want := range []string{"joined\nmigrated\n", "joined\n"} {
			h := f.Hosts[i]
			if got := mustRead(t, h.Path("/root/lb.log")); got != want {
				t.Errorf("%s: %s, /root/lb.log = %q, want %q", h.Name, when, got, want)
			}
			if !fileContains(t, h.Path("/etc/motd"), "registered") {
				t.Errorf("%s: %s, /etc/motd was restored", h.Name, when)
			}
		}
	}

	code, out := rollback("--check")
	if code != 0 {
		t.Errorf("rollback --check: exit %d", code)
	}
	wantInOutput(t, out, both.Name+": on_rollback steps would run first, in this order:\n"+
		"    migrate (on_rollback) / undo migration\n    register (on_rollback) / leave\n",
		first.Name+": on_rollback steps would run first, in this order:\n    register (on_rollback) / leave\n")
	unchanged("after rollback --check")

	writeFile(t, dir, "undo.hcl", text+"# edited\n")
	code, out = rollback()
	if code != runner.ExitUsage {
		t.Errorf("rollback with the playbook edited: exit %d, want %d", code, runner.ExitUsage)
	}
	wantInOutput(t, out, pb+" (edited)", "--allow-changed", "--no-on-rollback")
	unchanged("after a refused rollback")

	writeFile(t, dir, "undo.hcl", text)
	code, out = rollback()
	if code != 0 {
		t.Fatalf("rollback: exit %d", code)
	}
	wantInOutput(t, out, "migrate (on_rollback) / undo migration", "register (on_rollback) / leave",
		"ROLLED BACK "+both.Name, "ROLLED BACK "+first.Name)
	for i, want := range []string{"joined\nmigrated\nunmigrated\nleft\n", "joined\nleft\n"} {
		h := f.Hosts[i]
		if got := mustRead(t, h.Path("/root/lb.log")); got != want {
			t.Errorf("%s: /root/lb.log = %q, want %q: the on_rollback steps of the phases it entered, last first, before the restore", h.Name, got, want)
		}
		if fileContains(t, h.Path("/etc/motd"), "registered") {
			t.Errorf("%s: /etc/motd was not restored", h.Name)
		}
	}
}

// TestRollbackLaterWithoutThePlaybook: with the playbook gone, 'rollback
// RUN' is refused and changes nothing; --no-on-rollback restores the
// snapshot only. With an edited playbook, --allow-changed runs the
// on_rollback steps as they are now; one of them failing does not stop
// the others nor the restore, and the rollback fails (exit 5).
func TestRollbackLaterWithoutThePlaybook(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	pb, id := haltedRun(t, f, dir, "gone.hcl", strings.Replace(undoPlaybook, "%s", "unmigrated", 1))
	rollback := func(extra ...string) (int, string) {
		return runCLI(t, append([]string{"rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts}, extra...)...)
	}
	if err := os.Remove(pb); err != nil {
		t.Fatal(err)
	}
	code, out := rollback()
	if code != runner.ExitUsage {
		t.Errorf("rollback with the playbook gone: exit %d, want %d", code, runner.ExitUsage)
	}
	wantInOutput(t, out, "can no longer be found", pb+" (gone)", "--no-on-rollback")
	if !fileContains(t, h.Path("/etc/motd"), "registered") {
		t.Error("a refused rollback restored /etc/motd")
	}
	code, out = rollback("--no-on-rollback")
	if code != 0 || !strings.Contains(out, "ROLLED BACK "+h.Name) {
		t.Fatalf("rollback --no-on-rollback: exit %d", code)
	}
	if got := mustRead(t, h.Path("/root/lb.log")); got != "joined\nmigrated\n" {
		t.Errorf("/root/lb.log = %q: --no-on-rollback ran on_rollback steps", got)
	}
	if fileContains(t, h.Path("/etc/motd"), "registered") {
		t.Error("--no-on-rollback did not restore /etc/motd")
	}

	// A second run, whose playbook is edited after it: its migrate phase
	// now undoes in two steps, the first of which fails.
	if err := os.Remove(h.Path("/root/lb.log")); err != nil {
		t.Fatal(err)
	}
	pb, id = haltedRun(t, f, dir, "edited.hcl", strings.Replace(undoPlaybook, "%s", "unmigrated", 1))
	writeFile(t, dir, "edited.hcl", strings.Replace(mustRead(t, pb), `command "undo migration" { run = "grep -q registered /etc/motd && echo unmigrated >> /root/lb.log" }`,
		`command "broken" { run = "exit 3" }
    command "undo migration" { run = "grep -q registered /etc/motd && echo unmigrated-v2 >> /root/lb.log" }`, 1))
	if !fileContains(t, pb, "unmigrated-v2") {
		t.Fatal("the playbook was not edited")
	}
	code, out = rollback()
	if code != runner.ExitUsage || !strings.Contains(out, filepath.Base(pb)+" (edited)") {
		t.Errorf("rollback with the playbook edited: exit %d, want %d naming the file", code, runner.ExitUsage)
	}
	code, out = rollback("--allow-changed")
	if code != runner.ExitRollback {
		t.Errorf("rollback --allow-changed with a failing on_rollback step: exit %d, want %d", code, runner.ExitRollback)
	}
	wantInOutput(t, out, "changed since it started (--allow-changed)", "failed   migrate (on_rollback) / broken",
		"ROLLBACK FAILED on "+h.Name, `on_rollback step "broken" of phase "migrate" failed`, "the snapshot was restored")
	if got := mustRead(t, h.Path("/root/lb.log")); got != "joined\nmigrated\nunmigrated-v2\nleft\n" {
		t.Errorf("/root/lb.log = %q: want the steps as they are now, past the failing one, before the restore", got)
	}
	if fileContains(t, h.Path("/etc/motd"), "registered") {
		t.Error("the snapshot was not restored after a failing on_rollback step")
	}
}
