package main

// Restores cut off for real: the host's processes killed in the middle
// (as a power loss would, with the disk kept), the connection reset at
// several points, the disk full while staging. Afterwards every path is
// in its old or its new version, and a second rollback completes it.

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
	"github.com/switchbackhq/switchback/runner"
)

// bigChangePlaybook saves /etc and /srv/app and changes many files of
// both, with no rollback policy: the rollbacks are the test's.
const bigChangePlaybook = `
playbook { name = "big change" }
snapshot { paths = ["/etc", "/srv/app"] }
phase "p" {
  command "rewrite" {
    run = "for f in /srv/app/d*/f*; do echo new > \"$f\"; done; rm -rf /srv/app/d3; mkdir -p /srv/app/added && echo a > /srv/app/added/x; echo new > /etc/motd; rm -f /etc/hostname"
  }
}
`

// bigTree gives h 800 small files in /srv/app.
func bigTree(t *testing.T, h *fleet.Host) {
	t.Helper()
	for d := range 4 {
		dir := h.Path(fmt.Sprintf("/srv/app/d%d", d))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i := range 200 {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%03d", i)), []byte("old "+strconv.Itoa(i)+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// stripLinks drops the hard-link part of a fingerprint entry: while a
// restore renames the names of a hard-linked file one after the other,
// they are for a moment not one file; each name's content, mode and owner
// are always old or new.
var linksPart = regexp.MustCompile(` links ".*"$`)

// oldOrNew lists the paths whose state is neither before nor after.
func oldOrNew(old, cur, new map[string]string) []string {
	var bad []string
	seen := map[string]bool{}
	for _, m := range []map[string]string{old, cur, new} {
		for p := range m {
			if seen[p] || strings.Contains(p, ".switchback-restore.") {
				continue // the restore's own staging, which the next one clears
			}
			seen[p] = true
			c, o, n := linksPart.ReplaceAllString(cur[p], ""), linksPart.ReplaceAllString(old[p], ""), linksPart.ReplaceAllString(new[p], "")
			if c != o && c != n {
				bad = append(bad, fmt.Sprintf("%q: now %q, before the run %q, after it %q", p, c, o, n))
			}
		}
	}
	return bad
}

// stageDirs lists the restore's staging directories on h.
func stageDirs(h *fleet.Host) []string {
	var found []string
	for _, d := range []string{"/", "/srv", "/srv/data", "/srv/app"} {
		entries, _ := os.ReadDir(h.Path(d))
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".switchback-restore.") {
				found = append(found, filepath.Join(d, e.Name()))
			}
		}
	}
	return found
}

func convergeForFaults(t *testing.T, f *fleet.Fleet, h *fleet.Host, pb string) (id string, old, new map[string]string) {
	t.Helper()
	old = fullFingerprint(t, h)
	code, out := runCLI(t, runArgs(f, pb, "--limit", h.Name)...)
	if code != runner.ExitOK {
		t.Fatalf("exit %d", code)
	}
	return runID(t, out), old, fullFingerprint(t, h)
}

// TestRestoreKilledMidway: the host's processes are killed while a
// restore is staging, and again while it renames into place; each time
// every path is old or new, and the next rollback completes the restore.
func TestRestoreKilledMidway(t *testing.T) {
	f := fleet.Start(t, 2)
	pb := writeFile(t, t.TempDir(), "p.hcl", bigChangePlaybook)
	for i, when := range []string{"staging", "renaming"} {
		h := f.Hosts[i]
		t.Run(when, func(t *testing.T) {
			bigTree(t, h)
			id, old, new := convergeForFaults(t, f, h, pb)
			cmd, wait := startRun(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts)
			deadline := time.Now().Add(60 * time.Second)
			for {
				if time.Now().After(deadline) {
					t.Fatal("the restore never reached the point to cut it at")
				}
				staged := len(stageDirs(h)) > 0
				renaming := false
				if staged && when == "renaming" {
					n := restoredFiles(h)
					renaming = n > 0 && n < 400
				}
				if (when == "staging" && staged) || (when == "renaming" && renaming) {
					break
				}
				time.Sleep(5 * time.Millisecond)
			}
			if err := f.StopHost(h.Name); err != nil {
				t.Fatal(err)
			}
			_ = cmd.Process.Kill()
			wait()
			cur := fullFingerprint(t, h)
			if bad := oldOrNew(old, cur, new); len(bad) > 0 {
				t.Errorf("after the cut, paths are neither old nor new:\n  %s", strings.Join(bad, "\n  "))
			}
			if n := restoredFiles(h); when == "renaming" && (n == 0 || n == 800) {
				t.Logf("%d of 800 files were back when the host was killed: the cut did not land while renaming", n)
			}
			if err := f.StartHost(h.Name); err != nil {
				t.Fatal(err)
			}
			code, out := runCLI(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts, "--hosts", h.Name)
			if code != 0 || !strings.Contains(out, "ROLLED BACK "+h.Name) {
				t.Fatalf("second rollback: exit %d", code)
			}
			if diffs := steptest.FingerprintDiff(old, fullFingerprint(t, h)); len(diffs) > 0 {
				t.Errorf("not restored by the second rollback:\n  %s", strings.Join(diffs, "\n  "))
			}
		})
	}
}

// restoredFiles counts the files of bigTree that have their old content.
func restoredFiles(h *fleet.Host) int {
	n := 0
	for d := range 4 {
		for i := range 200 {
			if strings.HasPrefix(mustReadOr(h.Path(fmt.Sprintf("/srv/app/d%d/f%03d", d, i))), "old") {
				n++
			}
		}
	}
	return n
}

func mustReadOr(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}

// TestRestoreConnectionCut: the connection of a rollback is reset at
// several points (while the snapshot is checked, the packages restored,
// the files staged or renamed). The rollback says the restore stopped
// part way and to run it again; every path is old or new meanwhile, and
// the next rollback completes it.
func TestRestoreConnectionCut(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "p.hcl", bigChangePlaybook)
	for _, after := range []int64{6 << 10, 10 << 10, 14 << 10, 20 << 10} {
		t.Run(strconv.FormatInt(after, 10), func(t *testing.T) {
			bigTree(t, h)
			id, old, new := convergeForFaults(t, f, h, pb)
			p := newFaultProxy(t, net.JoinHostPort(h.Address, strconv.Itoa(h.Port)))
			inv, known := throughProxy(t, f, h, p)
			p.resetAfter = after
			code, out := runCLI(t, "rollback", id, "-i", inv, "--known-hosts", known, "--connect-timeout", "5s")
			cut := strings.Contains(out, "ROLLBACK FAILED")
			if cut {
				if code != runner.ExitRollback {
					t.Errorf("exit %d, want %d", code, runner.ExitRollback)
				}
				wantInOutput(t, out, "run 'switchback rollback "+id+" --hosts "+h.Name+"' again to finish it")
			} else {
				t.Logf("the restore finished before %d bytes went out", after)
			}
			for range 3 { // the host may still be restoring: look at it as it goes
				if bad := oldOrNew(old, fullFingerprint(t, h), new); len(bad) > 0 {
					t.Errorf("after the cut, paths are neither old nor new:\n  %s", strings.Join(bad, "\n  "))
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			code, _ = runCLI(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts, "--hosts", h.Name)
			if code != 0 {
				t.Fatalf("second rollback: exit %d", code)
			}
			if diffs := steptest.FingerprintDiff(old, fullFingerprint(t, h)); len(diffs) > 0 {
				t.Errorf("not restored by the second rollback:\n  %s", strings.Join(diffs, "\n  "))
			}
			if dirs := stageDirs(h); len(dirs) > 0 {
				t.Errorf("staging directories left: %v", dirs)
			}
		})
	}
}

// TestRestoreDiskFullWhileStaging: the path to restore is on a small
// filesystem with no room for its staged copy. The restore fails before
// changing any file, says to run it again, and leaves no staging
// directory; once there is room, the next rollback completes it.
func TestRestoreDiskFullWhileStaging(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	if err := f.LimitDisk(h.Name, "/srv/data", 1<<20); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(h.Path("/srv/data/app"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		if err := os.WriteFile(h.Path(fmt.Sprintf("/srv/data/app/blob%d", i)), []byte(strings.Repeat("o", 100<<10)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pb := writeFile(t, t.TempDir(), "p.hcl", `
playbook { name = "fill" }
snapshot { paths = ["/srv/data/app"] }
phase "p" {
  command "rewrite" {
    run = "for f in /srv/data/app/blob*; do head -c 102400 /dev/zero | tr '\\0' n > \"$f\"; done; head -c 560000 /dev/zero > /srv/data/filler"
  }
}
`)
	id, old, new := convergeForFaults(t, f, h, pb)
	code, out := runCLI(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts)
	if code != runner.ExitRollback {
		t.Errorf("exit %d, want %d", code, runner.ExitRollback)
	}
	wantInOutput(t, out, "is the disk full?", "run 'switchback rollback "+id+" --hosts "+h.Name+"' again to finish it")
	cur := fullFingerprint(t, h)
	if bad := oldOrNew(old, cur, new); len(bad) > 0 {
		t.Errorf("paths are neither old nor new:\n  %s", strings.Join(bad, "\n  "))
	}
	for i := range 4 {
		if got := mustReadOr(h.Path(fmt.Sprintf("/srv/data/app/blob%d", i))); !strings.HasPrefix(got, "n") {
			t.Errorf("blob%d was changed by a restore that could not stage", i)
		}
	}
	if dirs := stageDirs(h); len(dirs) > 0 {
		t.Errorf("staging directories left on the full disk: %v", dirs)
	}
	if err := os.Remove(h.Path("/srv/data/filler")); err != nil {
		t.Fatal(err)
	}
	code, _ = runCLI(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts)
	if code != 0 {
		t.Fatalf("second rollback: exit %d", code)
	}
	delete(old, "srv/data/filler")
	after := fullFingerprint(t, h)
	delete(after, "srv/data/filler")
	if diffs := steptest.FingerprintDiff(old, after); len(diffs) > 0 {
		t.Errorf("not restored by the second rollback:\n  %s", strings.Join(diffs, "\n  "))
	}
}
