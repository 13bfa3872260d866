package main

// Restores that must never tear a host: the natural snapshot settings
// that broke every rollback (paths overlapping those always saved), and
// the fixed cases of paths that hold the snapshot store, mount points,
// symbolic links and deleted snapshots.

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
	"github.com/switchbackhq/switchback/runner"
)

// TestRollbackOverlappingPaths is the reproduction: paths = ["/etc",
// "/usr/bin"] overlap the paths every snapshot holds (/etc/runlevels with
// its symlinks, /etc/conf.d, ...). Wave 2 halts and is rolled back; before
// the fix the archive held /etc/runlevels twice, tar could not create a
// symlink that was already there, and the restore, which had deleted /etc
// and /usr/bin first, left the host without them.
func TestRollbackOverlappingPaths(t *testing.T) {
	f := fleet.Start(t, 3)
	pb := writeFile(t, t.TempDir(), "p.hcl", `
playbook { name = "overlap" }
snapshot {
  provider = "files"
  paths    = ["/etc", "/usr/bin", "/etc/"]
}
rollout {
  waves    = [1, 1, "100%"]
  max_fail = 0
  rollback = "wave"
}
phase "work" {
  apk "hello" { packages = ["sb-hello"] }
  file "motd" {
    path    = "/etc/motd"
    content = "converted\n"
  }
  command "rigged" {
    run    = "exit 1"
    unless = "[ ! -e /etc/rigged ]"
  }
}
`)
	bad := f.Hosts[1]
	rig(t, bad)
	before := steptest.Fingerprint(t, bad)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitHalted {
		t.Errorf("exit %d, want %d (halted)", code, runner.ExitHalted)
	}
	wantInOutput(t, out, "ROLLED BACK "+bad.Name)
	if strings.Contains(out, "ROLLBACK FAILED") {
		t.Fatal("the rollback failed")
	}
	if diffs := steptest.FingerprintDiff(before, steptest.Fingerprint(t, bad)); len(diffs) > 0 {
		t.Errorf("%s differs from before the run:\n  %s", bad.Name, strings.Join(diffs, "\n  "))
	}
	if got, err := f.Exec(bad.Name, "wc -l < /etc/hostname"); err != nil || strings.TrimSpace(got) != "1" {
		t.Errorf("wc over SSH after the rollback: %q, %v", got, err)
	}
	if !fileContains(t, f.Hosts[0].Path("/etc/motd"), "converted") {
		t.Error("wave 1 did not stay converged")
	}
	if _, err := os.Stat(f.Hosts[2].Path("/usr/bin/sb-hello")); err == nil {
		t.Error("wave 3 was started")
	}
}

// rollbackCase is a playbook that changes a host, then fails on a rigged
// host with rollback = "host": the rollback must bring back exactly the
// fingerprint the host had before.
func rollbackCase(t *testing.T, f *fleet.Fleet, h *fleet.Host, body string) string {
	t.Helper()
	pb := writeFile(t, t.TempDir(), "p.hcl", `
playbook { name = "case" }
rollout { rollback = "host" }
`+body+`
phase "fail" {
  command "rigged" {
    run    = "exit 1"
    unless = "[ ! -e /etc/rigged ]"
  }
}
`)
	rig(t, h)
	before := steptest.Fingerprint(t, h)
	code, out := runCLI(t, runArgs(f, pb, "--limit", h.Name)...)
	if code != runner.ExitFailed || !strings.Contains(out, "ROLLED BACK "+h.Name) {
		t.Errorf("exit %d, want %d and a rolled back host", code, runner.ExitFailed)
	}
	if diffs := steptest.FingerprintDiff(before, steptest.Fingerprint(t, h)); len(diffs) > 0 {
		t.Errorf("%s differs from before the run:\n  %s", h.Name, strings.Join(diffs, "\n  "))
	}
	return out
}

// TestRollbackFixedCases: paths that hold the snapshot store (/var/lib),
// a path that is a mount point, an edit through a symbolic link, and
// what a user step writes besides /etc/passwd all come back.
func TestRollbackFixedCases(t *testing.T) {
	f := fleet.Start(t, 4)
	store, mount, link, user := f.Hosts[0], f.Hosts[1], f.Hosts[2], f.Hosts[3]
	if err := f.LimitDisk(mount.Name, "/srv/data", 1<<20); err != nil {
		t.Fatal(err)
	}

	t.Run("paths hold the snapshot store", func(t *testing.T) {
		rollbackCase(t, f, store, `
snapshot { paths = ["/var/lib"] }
phase "p" {
  command "state" { run = "mkdir -p /var/lib/app && echo 2 > /var/lib/app/state && rm -rf /var/lib/misc" }
}`)
		if entries, _ := os.ReadDir(store.Path("/var/lib/switchback/snapshots")); len(entries) != 1 {
			t.Errorf("the snapshot store holds %d snapshot(s) after the restore, want the one taken", len(entries))
		}
	})

	t.Run("a path that is a mount point", func(t *testing.T) {
		if err := os.WriteFile(mount.Path("/srv/data/keep"), []byte("old\n"), 0o640); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(mount.Path("/srv/data/dir"), 0o750); err != nil {
			t.Fatal(err)
		}
		rollbackCase(t, f, mount, `
snapshot { paths = ["/srv/data"] }
phase "p" {
  command "data" { run = "echo new > /srv/data/keep && echo x > /srv/data/added && rmdir /srv/data/dir" }
}`)
		if out := lsHost(t, f, mount, "mountpoint /srv/data"); !strings.Contains(out, "is a mountpoint") {
			t.Errorf("/srv/data is no longer a mount point: %s", out)
		}
	})

	t.Run("a line step edits through a symbolic link", func(t *testing.T) {
		for _, d := range []string{"/srv", "/opt"} {
			if err := os.MkdirAll(link.Path(d), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(link.Path("/opt/real.conf"), []byte("a = 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("/opt/real.conf", link.Path("/srv/link.conf")); err != nil {
			t.Fatal(err)
		}
		rollbackCase(t, f, link, `
phase "p" {
  line "edit" {
    path = "/srv/link.conf"
    line = "b = 2"
  }
}`)
	})

	t.Run("a line step edits through a link inside a saved directory", func(t *testing.T) {
		rollbackCase(t, f, link, `
snapshot { paths = ["/srv"] }
phase "p" {
  line "edit" {
    path = "/srv/link.conf"
    line = "c = 3"
  }
}`)
	})

	t.Run("what a user step writes", func(t *testing.T) {
		out := rollbackCase(t, f, user, `
phase "p" {
  user "bob" { name = "bob" }
}`)
		if !strings.Contains(out, "changed  p / bob") {
			t.Error("the user step did not create bob")
		}
	})
}

// TestRollbackOfDeletedSnapshot: a snapshot deleted from the host is
// reported in words, with the host untouched, not with a shell's error.
func TestRollbackOfDeletedSnapshot(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "p.hcl", fmt.Sprintf(changesThenRigged, "", "exit 1"))
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitOK {
		t.Fatalf("exit %d", code)
	}
	id := runID(t, out)
	if err := os.RemoveAll(h.Path("/var/lib/switchback/snapshots/" + id)); err != nil {
		t.Fatal(err)
	}
	code, out = runCLI(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts)
	if code != runner.ExitRollback {
		t.Errorf("exit %d, want %d", code, runner.ExitRollback)
	}
	wantInOutput(t, out, "ROLLBACK FAILED on host-01: the snapshot /var/lib/switchback/snapshots/"+id+" is no longer on the host")
	if strings.Contains(out, "can't cd") || strings.Contains(out, "exit 2") {
		t.Error("the message is the shell's")
	}
	if !fileContains(t, h.Path("/etc/motd"), "converted") {
		t.Error("the host was changed")
	}
}

func lsHost(t *testing.T, f *fleet.Fleet, h *fleet.Host, cmd string) string {
	t.Helper()
	out, err := f.Exec(h.Name, cmd)
	if err != nil {
		t.Fatalf("%s: %s: %v", h.Name, cmd, err)
	}
	return out
}

// TestRollbackCheck: 'rollback RUN --check' lists, per host, the paths,
// packages and services a restore would change, and changes nothing;
// after the restore it finds nothing left to change.
func TestRollbackCheck(t *testing.T) {
	f := fleet.Start(t, 2)
	h := f.Hosts[0]
	if err := os.MkdirAll(h.Path("/srv/app"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{"/srv/app/keep": "same\n", "/srv/app/conf": "old\n", "/srv/app/gone": "x\n", "/srv/app/mode": "m\n"} {
		if err := os.WriteFile(h.Path(name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pb := writeFile(t, t.TempDir(), "p.hcl", `
playbook { name = "check" }
snapshot { paths = ["/srv/app"] }
phase "p" {
  apk "install" { packages = ["sb-daemon"] }
  service "daemon" {
    service = "sb-daemon"
    state   = "started"
  }
  command "files" {
    run = "echo new > /srv/app/conf && rm /srv/app/gone && echo a > /srv/app/added && chmod 600 /srv/app/mode"
  }
}
`)
	code, out := runCLI(t, runArgs(f, pb, "--limit", h.Name)...)
	if code != runner.ExitOK {
		t.Fatalf("exit %d", code)
	}
	id := runID(t, out)
	before := fullFingerprint(t, h)
	code, out = runCLI(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts, "--check")
	if code != 0 {
		t.Fatalf("--check: exit %d", code)
	}
	wantInOutput(t, out, h.Name+": a restore from /var/lib/switchback/snapshots/"+id+" would change",
		"~ /srv/app/conf (content)", "+ /srv/app/gone (comes back)", "- /srv/app/added (goes)",
		"~ /srv/app/mode (mode 0600 -> 0644)", "- sb-daemon=1.0-r0", "stop sb-daemon", "~ /etc/apk/world (content)",
		"Nothing was changed (--check).")
	if strings.Contains(out, "/srv/app/keep") || strings.Contains(out, f.Hosts[1].Name) {
		t.Error("--check lists what would not change")
	}
	if diffs := steptest.FingerprintDiff(before, fullFingerprint(t, h)); len(diffs) > 0 {
		t.Errorf("--check changed the host:\n  %s", strings.Join(diffs, "\n  "))
	}
	if !daemonRunning(t, f, h) {
		t.Error("--check stopped the service")
	}
	if code, _ := runCLI(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts); code != 0 {
		t.Fatalf("rollback: exit %d", code)
	}
	code, out = runCLI(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts, "--check", "--hosts", h.Name)
	if code != 0 || !strings.Contains(out, h.Name+": a restore would change nothing") {
		t.Errorf("--check after the restore: exit %d", code)
	}
}

// TestRollbackCheckLargeSnapshot: --check reads archives of any size: a
// snapshot of 12 MiB that does not compress, more than a command may
// print, is compared with the host all the same.
func TestRollbackCheckLargeSnapshot(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	if err := os.MkdirAll(h.Path("/srv/big"), 0o755); err != nil {
		t.Fatal(err)
	}
	blob := make([]byte, 12<<20)
	_, _ = rand.NewChaCha8([32]byte{1}).Read(blob)
	if err := os.WriteFile(h.Path("/srv/big/blob"), blob, 0o644); err != nil {
		t.Fatal(err)
	}
	pb := writeFile(t, t.TempDir(), "p.hcl", `
playbook { name = "big" }
snapshot { paths = ["/srv/big"] }
phase "p" {
  command "grow" { run = "echo more >> /srv/big/blob && echo new > /srv/big/new" }
}
`)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitOK {
		t.Fatalf("exit %d", code)
	}
	id := runID(t, out)
	code, out = runCLI(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts, "--check")
	if code != 0 {
		t.Fatalf("--check: exit %d", code)
	}
	wantInOutput(t, out, "~ /srv/big/blob (content)", "- /srv/big/new (goes)")
}

// TestOnRollbackSteps: a phase's on_rollback steps run when its host is
// rolled back, for the phases the host entered only, last phase first,
// before the snapshot is restored, and are reported like other steps.
func TestOnRollbackSteps(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "p.hcl", `
playbook { name = "undo" }
snapshot { paths = ["/etc/motd"] }
rollout { rollback = "host" }
phase "register" {
  command "join" { run = "echo joined >> /root/lb.log" }
  on_rollback {
    command "leave" { run = "echo left >> /root/lb.log" }
  }
}
phase "migrate" {
  depends_on = ["register"]
  file "motd" {
    path    = "/etc/motd"
    content = "migrated\n"
  }
  command "rigged" {
    run    = "exit 1"
    unless = "[ ! -e /etc/rigged ]"
  }
  on_rollback {
    command "undo migration" { run = "grep -q migrated /etc/motd && echo undone >> /root/lb.log" }
  }
}
phase "never" {
  depends_on = ["migrate"]
  command "x" { run = "true" }
  on_rollback {
    command "not entered" { run = "echo never >> /root/lb.log" }
  }
}
`)
	rig(t, h)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed || !strings.Contains(out, "ROLLED BACK "+h.Name) {
		t.Fatalf("exit %d, want %d and a rolled back host", code, runner.ExitFailed)
	}
	if got := mustRead(t, h.Path("/root/lb.log")); got != "joined\nundone\nleft\n" {
		t.Errorf("/root/lb.log = %q: on_rollback steps did not run once each, last phase first, before the restore", got)
	}
	wantInOutput(t, out, "migrate (on_rollback) / undo migration", "register (on_rollback) / leave")
	if fileContains(t, h.Path("/etc/motd"), "migrated") {
		t.Error("the snapshot was not restored after the on_rollback steps")
	}
}

const drillPlaybook = `
playbook { name = "drill" }
snapshot { paths = [%s] }
phase "p" {
  apk "hello" { packages = ["sb-hello"] }
  file "motd" {
    path    = "/etc/motd"
    content = "drilled\n"
  }
  command "tool" {
    run     = "mkdir -p /opt/tool/bin && echo v2 > /opt/tool/bin/x && echo c > /opt/tool/conf"
    creates = "/opt/tool/conf"
  }
  on_rollback {
    command "undo" { run = "echo undone >> /tmp/drill-undo" }
  }
}
`

// TestRunDrill: run --drill converges, rolls every host back and compares
// whole-filesystem fingerprints: what a command wrote outside the
// snapshot's paths is listed, with the path to add, and the exit code is
// 5; with that path added, every host comes back and the exit code is 0.
func TestRunDrill(t *testing.T) {
	f := fleet.Start(t, 2)
	dir := t.TempDir()
	code, out := runCLI(t, runArgs(f, writeFile(t, dir, "a.hcl", fmt.Sprintf(drillPlaybook, `"/etc/motd"`)), "--drill")...)
	if code != runner.ExitRollback {
		t.Errorf("exit %d, want %d", code, runner.ExitRollback)
	}
	for _, h := range f.Hosts {
		wantInOutput(t, out, "ROLLED BACK "+h.Name, "DRILL "+h.Name+": 4 path(s) did not come back:",
			`"/opt/tool": added by the run`, `"/opt/tool/bin/x": added by the run`)
		if _, err := os.Stat(h.Path("/usr/bin/sb-hello")); err == nil {
			t.Errorf("%s: sb-hello is still installed after the drill", h.Name)
		}
		if fileContains(t, h.Path("/etc/motd"), "drilled") {
			t.Errorf("%s: /etc/motd was not rolled back", h.Name)
		}
	}
	wantInOutput(t, out, `add to the snapshot's paths: "/opt/tool"`, "DRILL: some hosts did not come back whole")
	if strings.Contains(out, "/etc/motd\": ") || strings.Contains(out, "/lib/apk") || strings.Contains(out, "/usr/bin") {
		t.Error("the drill lists a path the snapshot restored")
	}
	for _, h := range f.Hosts {
		if err := os.RemoveAll(h.Path("/opt/tool")); err != nil {
			t.Fatal(err)
		}
	}
	code, out = runCLI(t, runArgs(f, writeFile(t, dir, "b.hcl", fmt.Sprintf(drillPlaybook, `"/etc/motd", "/opt/tool"`)), "--drill")...)
	if code != 0 {
		t.Errorf("with /opt/tool in the paths: exit %d", code)
	}
	wantInOutput(t, out, "DRILL host-01: every path came back", "DRILL: every host came back as it was before the run.")
	for _, h := range f.Hosts {
		if got := mustRead(t, h.Path("/tmp/drill-undo")); got != "undone\nundone\n" {
			t.Errorf("%s: the on_rollback step ran %q over two drills", h.Name, got)
		}
	}
}
