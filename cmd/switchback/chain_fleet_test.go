package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

// hostJournal returns the journal lines of the only run recorded on h.
func hostJournal(t *testing.T, h *fleet.Host) []string {
	t.Helper()
	files, err := filepath.Glob(h.Path("/var/lib/switchback/runs/*/journal"))
	if err != nil || len(files) != 1 {
		t.Fatalf("journals on %s: %v %v, want one", h.Name, files, err)
	}
	return strings.Fields(mustRead(t, files[0]))
}

func requestsOf(t *testing.T, h *fleet.Host) int {
	t.Helper()
	n, err := h.Requests()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

const chainPlaybook = `
playbook { name = "chained" }
phase "files" {
  file "first" {
    path    = "/root/first"
    content = "first\n"
  }
  group "app group" { name = "chaingrp" }
  file "owned by the new group" {
    path    = "/root/owned"
    content = "owned\n"
    group   = "chaingrp"
    mode    = "0640"
  }
  line "profile" {
    path = "/etc/profile"
    line = "export CHAINED=1"
  }
  file "directory" {
    path  = "/root/dir"
    state = "directory"
  }
  command "not chainable" {
    run     = "cat /root/first > /root/after"
    creates = "/root/after"
  }
}
`

// TestChainedChanges: consecutive changes of a phase go to the host in
// one script, in order (a file owned by a group made by the step before
// it), each journaled, each reported, and the step after them sees their
// effect.
func TestChainedChanges(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "chain.hcl", chainPlaybook)
	before := requestsOf(t, h)
	out := runOK(t, runArgs(f, pb)...)
	requests := requestsOf(t, h) - before
	wantChanged(t, out, 6)
	for _, step := range []string{"first", "app group", "owned by the new group", "profile", "directory", "not chainable"} {
		if !strings.Contains(out, "changed  files / "+step+"\n") {
			t.Errorf("step %q is not reported as changed", step)
		}
	}
	// The lock, the batch, the first change with four behind it, the
	// command, and the two sessions left ready.
	if requests != 2+2+2 {
		t.Errorf("converging made %d requests, want 6", requests)
	}
	if got := mustRead(t, h.Path("/root/after")); got != "first\n" {
		t.Errorf("/root/after = %q: the step after the chain did not see its change", got)
	}
	st, err := os.Stat(h.Path("/root/owned"))
	if err != nil {
		t.Fatal(err)
	}
	if !fileContains(t, h.Path("/etc/group"), "\nchaingrp:x:") || st.Mode().Perm() != 0o640 ||
		!fileContains(t, h.Path("/etc/profile"), "\nexport CHAINED=1\n") {
		t.Errorf("the chained steps are not all on the host (mode of /root/owned %v)", st.Mode().Perm())
	}
	gid := groupID(t, h, "chaingrp")
	if got := st.Sys().(*syscall.Stat_t).Gid; got != gid {
		t.Errorf("/root/owned has gid %d, want chaingrp's %d", got, gid)
	}
	if dir, err := os.Stat(h.Path("/root/dir")); err != nil || !dir.IsDir() {
		t.Errorf("/root/dir is not a directory: %v", err)
	}
	if got := hostJournal(t, h); len(got) != 6 {
		t.Errorf("the host's journal has %d entries, want one per changed step (6): %q", len(got), got)
	}
	// Nothing is left to do.
	wantChanged(t, runOK(t, runArgs(f, pb)...), 0)
}

// groupID reads a group's gid from the host's /etc/group.
func groupID(t *testing.T, h *fleet.Host, name string) uint32 {
	t.Helper()
	for line := range strings.SplitSeq(mustRead(t, h.Path("/etc/group")), "\n") {
		f := strings.Split(line, ":")
		if len(f) >= 3 && f[0] == name {
			gid, err := strconv.ParseUint(f[2], 10, 32)
			if err != nil {
				t.Fatalf("%s: gid of %s: %v", h.Name, name, err)
			}
			return uint32(gid)
		}
	}
	t.Fatalf("no group %s on %s", name, h.Name)
	return 0
}

// TestChainStopsWhereAnAnswerChanged: a step whose check answers
// differently after the change before it is not applied from its old
// plan. Here the old plan would create /root/m empty; the right one only
// sets its mode.
func TestChainStopsWhereAnAnswerChanged(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "stale.hcl", `
playbook { name = "stale plan" }
phase "files" {
  file "write" {
    path    = "/root/m"
    content = "keep\n"
  }
  file "mode" {
    path = "/root/m"
    mode = "0600"
  }
  file "other" {
    path    = "/root/other"
    content = "other\n"
  }
}
`)
	before := requestsOf(t, h)
	out := runOK(t, runArgs(f, pb)...)
	requests := requestsOf(t, h) - before
	wantChanged(t, out, 3)
	if got := mustRead(t, h.Path("/root/m")); got != "keep\n" {
		t.Errorf("/root/m = %q, want the first step's content", got)
	}
	if st, err := os.Stat(h.Path("/root/m")); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("/root/m: %v, mode %v, want 0600", err, st.Mode().Perm())
	}
	if got := mustRead(t, h.Path("/root/other")); got != "other\n" {
		t.Errorf("/root/other = %q", got)
	}
	// The lock, the batch, "write" (the chain stopped at "mode"), "mode"
	// with "other" behind it, two sessions left ready.
	if requests != 2+2+2 {
		t.Errorf("converging made %d requests, want 6", requests)
	}
}

// TestChainStopsAtAFailure: a chained change that fails stops the chain
// there; the steps behind it do not run, and the failure is the step's.
func TestChainStopsAtAFailure(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "fail.hcl", `
playbook { name = "failing link" }
phase "files" {
  file "x" {
    path    = "/root/x"
    content = "x\n"
  }
  file "y" {
    path    = "/root/no-such-dir/y"
    content = "y\n"
  }
  file "z" {
    path    = "/root/z"
    content = "z\n"
  }
}
`)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed {
		t.Fatalf("exit %d, want %d", code, runner.ExitFailed)
	}
	wantInOutput(t, out, "changed  files / x\n", "failed   files / y", "directory /root/no-such-dir does not exist")
	if strings.Contains(out, "files / z") {
		t.Error("a step after the failed one is reported")
	}
	if _, err := os.Stat(h.Path("/root/z")); err == nil {
		t.Error("the step behind the failed one ran")
	}
	if got := mustRead(t, h.Path("/root/x")); got != "x\n" {
		t.Errorf("/root/x = %q", got)
	}
	if got := hostJournal(t, h); len(got) != 1 {
		t.Errorf("the host's journal has %q, want x's key alone", got)
	}
}

// TestInterruptReportsChainedChanges: an interrupt that comes while a
// chain runs lets it finish, and every change it made is reported before
// the host stops; nothing after it starts.
func TestInterruptReportsChainedChanges(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	writeFile(t, dir, "slow.tmpl", "slow\n")
	pb := writeFile(t, dir, "chain.hcl", `
playbook { name = "interrupted chain" }
phase "work" {
  file "first" {
    path    = "/root/first"
    content = "first\n"
  }
  template "slow" {
    source   = "slow.tmpl"
    dest     = "/root/slow"
    validate = "touch /root/started; sleep 2; test -f %s"
  }
  file "last" {
    path    = "/root/last"
    content = "last\n"
  }
}
phase "more" {
  file "later" {
    path    = "/root/later"
    content = "later\n"
  }
}
`)
	code, out := interrupt(t, f, pb, 1)
	if code != runner.ExitHalted {
		t.Fatalf("exit %d, want %d", code, runner.ExitHalted)
	}
	for _, step := range []string{"first", "slow", "last"} {
		if !strings.Contains(out, "changed  work / "+step+"\n") {
			t.Errorf("the chained change %q is not reported", step)
		}
	}
	for _, p := range []string{"/root/first", "/root/slow", "/root/last"} {
		if _, err := os.Stat(h.Path(p)); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if _, err := os.Stat(h.Path("/root/later")); err == nil {
		t.Error("a step after the interrupt ran")
	}
}
