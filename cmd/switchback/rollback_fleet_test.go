package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
	"github.com/switchbackhq/switchback/runner"
)

const convertPlaybook = `
playbook { name = "convert" }

rollout {
  waves    = [1, "25%", "50%", "100%"]
  max_fail = "10%"
  forks    = 5
  rollback = "wave"
}

snapshot {
  paths = ["/etc/motd", "/etc/switchback"]
}

phase "packages" {
  apk "base" {
    packages = ["sb-hello", "sb-daemon"]
  }
  command "upgrade hello" {
    run    = "apk add --no-progress -q sb-hello=1.1-r0"
    unless = "grep -qx sb-hello=1.1-r0 /etc/apk/world"
  }
}

phase "services" {
  command "enable daemon" {
    run    = "rc-update add sb-daemon default"
    unless = "[ -e /etc/runlevels/default/sb-daemon ]"
  }
  command "start daemon" {
    run    = "rc-service sb-daemon start"
    unless = "rc-service sb-daemon status"
  }
}

phase "files" {
  command "motd" {
    run    = "echo converted > /etc/motd"
    unless = "grep -qx converted /etc/motd"
  }
  command "config" {
    run     = "mkdir -p /etc/switchback && echo v2 > /etc/switchback/app.conf"
    creates = "/etc/switchback/app.conf"
  }
  command "rigged" {
    run    = "echo 'rigged to fail' >&2; exit 1"
    unless = "[ ! -e /etc/rigged ]"
  }
}
`

func daemonRunning(t *testing.T, f *fleet.Fleet, h *fleet.Host) bool {
	t.Helper()
	out, err := f.Exec(h.Name, "ps -o args | grep -c '/usr/bin/[s]b-daemon' || true")
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(out) != "0"
}

// TestHaltAndWaveRollback is the rollout story end to end on 20 hosts:
// waves of 1, 5, 10 and 4; two rigged hosts in wave 3 cross max_fail 10%
// (a 10-host wave tolerates 1); the run halts with exit 4 and rolls wave
// 3 back. Every host of wave 3 is then byte-identical to before the run
// (files, apk world and installed versions, runlevels, started services);
// waves 1 and 2 stay converged; wave 4 is untouched.
func TestHaltAndWaveRollback(t *testing.T) {
	f := fleet.Start(t, 20)
	pb := writeFile(t, t.TempDir(), "convert.hcl", convertPlaybook)
	wave3, wave4 := f.Hosts[6:16], f.Hosts[16:]
	// Some hosts start with an older sb-hello pinned, so that a rollback
	// must bring back a version, not just a name.
	for _, h := range []*fleet.Host{f.Hosts[7], f.Hosts[12]} {
		if _, err := f.Exec(h.Name, "apk add --no-progress -q sb-hello=1.0-r0"); err != nil {
			t.Fatal(err)
		}
	}
	rig(t, f.Hosts[8])
	rig(t, f.Hosts[12])
	before := map[string]map[string]string{}
	for _, h := range append(append([]*fleet.Host{}, wave3...), wave4...) {
		before[h.Name] = steptest.Fingerprint(t, h)
	}

	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitHalted {
		t.Fatalf("exit %d, want %d (halted)", code, runner.ExitHalted)
	}
	if !strings.Contains(out, "HALT: 2 of 10 host(s) in wave 3 failed or were unreachable, more than max_fail 10% tolerates (1)") {
		t.Error("the halt reason is missing")
	}
	for _, h := range f.Hosts[:6] {
		if _, err := os.Stat(h.Path("/etc/switchback/app.conf")); err != nil {
			t.Errorf("%s (waves 1-2) is not converged", h.Name)
		}
		if !daemonRunning(t, f, h) {
			t.Errorf("%s (waves 1-2): sb-daemon is not running", h.Name)
		}
	}
	for _, h := range append(append([]*fleet.Host{}, wave3...), wave4...) {
		if diffs := steptest.FingerprintDiff(before[h.Name], steptest.Fingerprint(t, h)); len(diffs) > 0 {
			t.Errorf("%s differs from before the run:\n  %s", h.Name, strings.Join(diffs, "\n  "))
		}
		if daemonRunning(t, f, h) {
			t.Errorf("%s: sb-daemon still runs after the rollback", h.Name)
		}
	}
	rolledBack := strings.Count(out, "ROLLED BACK ")
	if rolledBack < 2 || rolledBack > len(wave3) || strings.Contains(out, "ROLLBACK FAILED") {
		t.Errorf("%d host(s) rolled back, want every changed host of wave 3 (at least the 2 rigged)", rolledBack)
	}
}

const changesThenRigged = `
playbook { name = "changes" }
snapshot { paths = ["/etc/motd"] }
%s
phase "work" {
  apk "hello" { packages = ["sb-hello"] }
  command "motd" {
    run    = "echo converted > /etc/motd"
    unless = "grep -qx converted /etc/motd"
  }
  command "rigged" {
    run    = "%s"
    unless = "[ ! -e /etc/rigged ]"
  }
}
`

// TestRollbackHost: with rollback = "host" a failed host is restored at
// once and the others go on.
func TestRollbackHost(t *testing.T) {
	f := fleet.Start(t, 3)
	pb := writeFile(t, t.TempDir(), "p.hcl", fmt.Sprintf(changesThenRigged, `rollout { rollback = "host" }`, "exit 1"))
	bad := f.Hosts[1]
	rig(t, bad)
	before := steptest.Fingerprint(t, bad)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed {
		t.Errorf("exit %d, want %d", code, runner.ExitFailed)
	}
	if diffs := steptest.FingerprintDiff(before, steptest.Fingerprint(t, bad)); len(diffs) > 0 {
		t.Errorf("%s was not restored:\n  %s", bad.Name, strings.Join(diffs, "\n  "))
	}
	if !strings.Contains(out, "ROLLED BACK "+bad.Name) || strings.Count(out, "ROLLED BACK") != 1 {
		t.Error("exactly the failed host must be rolled back")
	}
	for _, h := range []*fleet.Host{f.Hosts[0], f.Hosts[2]} {
		if !fileContains(t, h.Path("/etc/motd"), "converted") {
			t.Errorf("%s did not converge", h.Name)
		}
	}
}

// TestRollbackRunNewestFirst: with rollback = "run" a halt restores every
// host the run changed, newest wave first.
func TestRollbackRunNewestFirst(t *testing.T) {
	f := fleet.Start(t, 4)
	pb := writeFile(t, t.TempDir(), "p.hcl", fmt.Sprintf(changesThenRigged,
		`rollout {
  waves    = [1]
  rollback = "run"
}`, "exit 1"))
	rig(t, f.Hosts[2])
	before := map[string]map[string]string{}
	for _, h := range f.Hosts {
		before[h.Name] = steptest.Fingerprint(t, h)
	}
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitHalted {
		t.Errorf("exit %d, want %d", code, runner.ExitHalted)
	}
	for _, h := range f.Hosts {
		if diffs := steptest.FingerprintDiff(before[h.Name], steptest.Fingerprint(t, h)); len(diffs) > 0 {
			t.Errorf("%s differs from before the run:\n  %s", h.Name, strings.Join(diffs, "\n  "))
		}
	}
	i3, i2, i1 := strings.Index(out, "ROLLED BACK host-03"), strings.Index(out, "ROLLED BACK host-02"), strings.Index(out, "ROLLED BACK host-01")
	if i3 < 0 || i2 < 0 || i1 < 0 || !(i3 < i2 && i2 < i1) {
		t.Errorf("rollbacks not newest wave first (positions %d, %d, %d)", i3, i2, i1)
	}
	if strings.Contains(out, "ROLLED BACK host-04") {
		t.Error("host-04 never started and must not be rolled back")
	}
}

// TestTamperedSnapshotIsRefused: a snapshot changed after it was taken
// is not restored; the rollback fails loudly with exit code 5 and the
// host is left as the run left it.
func TestTamperedSnapshotIsRefused(t *testing.T) {
	f := fleet.Start(t, 1)
	tamper := `for f in /var/lib/switchback/snapshots/*/world.txt; do echo sb-evil >> $f; done; exit 1`
	pb := writeFile(t, t.TempDir(), "p.hcl", fmt.Sprintf(changesThenRigged, `rollout { rollback = "host" }`, tamper))
	h := f.Hosts[0]
	rig(t, h)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitRollback {
		t.Errorf("exit %d, want %d (rollback failed)", code, runner.ExitRollback)
	}
	if !strings.Contains(out, "ROLLBACK FAILED on host-01: refusing to restore") || !strings.Contains(out, "does not match its MANIFEST") {
		t.Error("the refusal is not explained")
	}
	if !fileContains(t, h.Path("/etc/motd"), "converted") || fileContains(t, h.Path("/etc/apk/world"), "sb-evil") {
		t.Error("the host was changed by a refused restore")
	}
}

// TestRollbackCommand: 'switchback rollback RUN' restores hosts from the
// snapshots a past run took, here a run without a rollback policy; with
// --hosts only those.
func TestRollbackCommand(t *testing.T) {
	f := fleet.Start(t, 3)
	pb := writeFile(t, t.TempDir(), "p.hcl", fmt.Sprintf(changesThenRigged, "", "exit 1"))
	before := map[string]map[string]string{}
	for _, h := range f.Hosts {
		before[h.Name] = steptest.Fingerprint(t, h)
	}
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitOK {
		t.Fatalf("exit %d", code)
	}
	id := strings.Fields(out[strings.Index(out, "Run "):])[1]
	rollback := func(extra ...string) (int, string) {
		return runCLI(t, append([]string{"rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts}, extra...)...)
	}

	code, out = rollback("--hosts", "host-02")
	if code != 0 || !strings.Contains(out, "ROLLED BACK host-02") || strings.Contains(out, "host-01") {
		t.Fatalf("rollback --hosts host-02: exit %d", code)
	}
	if diffs := steptest.FingerprintDiff(before["host-02"], steptest.Fingerprint(t, f.Hosts[1])); len(diffs) > 0 {
		t.Errorf("host-02 not restored:\n  %s", strings.Join(diffs, "\n  "))
	}
	if !fileContains(t, f.Hosts[0].Path("/etc/motd"), "converted") {
		t.Error("host-01 was rolled back without being asked for")
	}

	code, out = rollback()
	if code != 0 || !strings.Contains(out, "ROLLED BACK host-01") || !strings.Contains(out, "ROLLED BACK host-03") || strings.Contains(out, "host-02") {
		t.Fatalf("rollback of the rest: exit %d", code)
	}
	for _, h := range f.Hosts {
		if diffs := steptest.FingerprintDiff(before[h.Name], steptest.Fingerprint(t, h)); len(diffs) > 0 {
			t.Errorf("%s not restored:\n  %s", h.Name, strings.Join(diffs, "\n  "))
		}
	}
	if code, out := rollback(); code != 0 || !strings.Contains(out, "Nothing to roll back") {
		t.Errorf("a second rollback: exit %d", code)
	}
	if code, _ := runCLI(t, "rollback", "nosuch", "-i", f.Inventory); code != runner.ExitUsage {
		t.Errorf("unknown run: exit %d", code)
	}
}

// TestSnapshotsListAndPrune: snapshots a run left are listed, and prune
// deletes them from the hosts and from the record.
func TestSnapshotsListAndPrune(t *testing.T) {
	f := fleet.Start(t, 2)
	pb := writeFile(t, t.TempDir(), "p.hcl", fmt.Sprintf(changesThenRigged, "", "exit 1"))
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitOK {
		t.Fatalf("exit %d", code)
	}
	id := strings.Fields(out[strings.Index(out, "Run "):])[1]
	dir := "/var/lib/switchback/snapshots/" + id
	for _, h := range f.Hosts {
		if _, err := os.Stat(h.Path(dir)); err != nil {
			t.Fatalf("%s: no snapshot at %s", h.Name, dir)
		}
	}
	code, out = runCLI(t, "snapshots", "list")
	if code != 0 || strings.Count(out, dir+"  kept") != 2 {
		t.Fatalf("snapshots list: exit %d", code)
	}
	if code, _ := runCLI(t, "snapshots", "prune", "-i", f.Inventory); code != runner.ExitUsage {
		t.Error("prune without --run or --older-than must be refused")
	}
	code, out = runCLI(t, "snapshots", "prune", "--run", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts)
	if code != 0 || strings.Count(out, "deleted "+dir) != 2 {
		t.Fatalf("prune: exit %d", code)
	}
	for _, h := range f.Hosts {
		if _, err := os.Stat(h.Path(dir)); err == nil {
			t.Errorf("%s: %s is still there", h.Name, dir)
		}
	}
	if code, out := runCLI(t, "snapshots", "list"); code != 0 || !strings.Contains(out, "No snapshots recorded") {
		t.Error("pruned snapshots are still listed")
	}
	if code, out := runCLI(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts); code != 0 || !strings.Contains(out, "Nothing to roll back") {
		t.Error("a pruned snapshot must not be offered for rollback")
	}
}

// TestSnapshotHoldsWhatStepsWrite: paths that file and line steps write
// are in the snapshot without the playbook naming them, so a rollback
// brings them back.
func TestSnapshotHoldsWhatStepsWrite(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "p.hcl", `
playbook { name = "writes" }
rollout { rollback = "host" }
phase "files" {
  file "banner" {
    path    = "/etc/motd"
    content = "managed\n"
    mode    = "0600"
  }
  file "app config" {
    path    = "/etc/app/app.conf"
    content = "port = 8080\n"
  }
  line "hosts entry" {
    path = "/etc/hosts"
    line = "10.0.0.5 db"
  }
  command "rigged" {
    run    = "exit 1"
    unless = "[ ! -e /etc/rigged ]"
  }
}
`)
	if err := os.MkdirAll(h.Path("/etc/app"), 0o755); err != nil {
		t.Fatal(err)
	}
	rig(t, h)
	before := steptest.Fingerprint(t, h)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed || !strings.Contains(out, "ROLLED BACK host-01") {
		t.Fatalf("exit %d, want a failed and rolled back host", code)
	}
	if diffs := steptest.FingerprintDiff(before, steptest.Fingerprint(t, h)); len(diffs) > 0 {
		t.Errorf("not restored:\n  %s", strings.Join(diffs, "\n  "))
	}
}
