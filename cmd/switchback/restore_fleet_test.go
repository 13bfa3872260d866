package main

// Restores that must never tear a host: the natural snapshot settings
// that broke every rollback (paths overlapping those always saved), and
// the fixed cases of paths that hold the snapshot store, mount points,
// symbolic links and deleted snapshots.

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
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
	before := fingerprint(t, bad)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitHalted {
		t.Errorf("exit %d, want %d (halted)", code, runner.ExitHalted)
	}
	wantInOutput(t, out, "ROLLED BACK "+bad.Name)
	if strings.Contains(out, "ROLLBACK FAILED") {
		t.Fatal("the rollback failed")
	}
	if diffs := fingerprintDiff(before, fingerprint(t, bad)); len(diffs) > 0 {
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

func lsHost(t *testing.T, f *fleet.Fleet, h *fleet.Host, cmd string) string {
	t.Helper()
	out, err := f.Exec(h.Name, cmd)
	if err != nil {
		t.Fatalf("%s: %s: %v", h.Name, cmd, err)
	}
	return out
}

var _ = fmt.Sprint
