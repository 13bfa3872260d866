package main

// Faults on real hosts: a host that dies or hangs in the middle of a
// step, two runs on one host, a full disk. Each test breaks something for
// real (kills a host's pid namespace, stops its processes, mounts a tiny
// tmpfs) and then reads the hosts' filesystems to see what the run did.

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
	"github.com/switchbackhq/switchback/runner"
)

// waitFile waits until path exists, failing the test after 20s.
func waitFile(t *testing.T, path string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := os.Stat(path); err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never appeared", path)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// startRun starts the switchback binary in the background; the returned
// function waits for it and gives its output.
func startRun(t *testing.T, args ...string) (*exec.Cmd, func() string) {
	t.Helper()
	var out bytes.Buffer
	cmd := exec.Command(binary(t), args...)
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+stateDir(t))
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	wait := func() string {
		once.Do(func() {
			_ = cmd.Wait()
			t.Logf("background run:\n%s", out.String())
		})
		return out.String()
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); wait() })
	return cmd, wait
}

func runID(t *testing.T, out string) string {
	t.Helper()
	i := strings.Index(out, "Run ")
	if i < 0 {
		t.Fatal("no run id in the output")
	}
	return strings.Fields(out[i:])[1]
}

const longStepPlaybook = `
playbook { name = "long" }
snapshot { paths = ["/etc/motd", "/root/started", "/root/slept"] }
rollout {
  waves    = [3]
  forks    = 3
  max_fail = %s
}
phase "work" {
  file "motd" {
    path    = "/etc/motd"
    content = "converted\n"
  }
  command "long" {
    run = "touch /root/started; sleep 3; touch /root/slept"
  }
  command "after" {
    run = "touch /root/after"
  }
}
`

// TestHostDiesMidStep: a host killed in the middle of a long step is
// reported unreachable and counts toward the threshold; the other hosts
// of the wave finish their step. Nothing is rolled back on its own; once
// the host is back, 'switchback rollback RUN --hosts NAME' restores it.
func TestHostDiesMidStep(t *testing.T) {
	f := fleet.Start(t, 3)
	dead := f.Hosts[1]
	before := steptest.Fingerprint(t, dead)
	pb := writeFile(t, t.TempDir(), "long.hcl", strings.Replace(longStepPlaybook, "%s", "1", 1))

	done := make(chan struct{})
	go func() {
		defer close(done)
		waitFile(t, dead.Path("/root/started"))
		if err := f.StopHost(dead.Name); err != nil {
			t.Error(err)
		}
	}()
	start := time.Now()
	code, out := runCLI(t, runArgs(f, pb)...)
	<-done
	if code != runner.ExitUnreachable {
		t.Errorf("exit %d, want %d (one host unreachable, none failed)", code, runner.ExitUnreachable)
	}
	if elapsed := time.Since(start); elapsed > 30*time.Second {
		t.Errorf("the run took %s: the lost host was not noticed at once", elapsed)
	}
	wantInOutput(t, out, "UNREACHABLE", "connection lost while running a command")
	for _, h := range []*fleet.Host{f.Hosts[0], f.Hosts[2]} {
		for _, p := range []string{"/root/slept", "/root/after"} {
			if _, err := os.Stat(h.Path(p)); err != nil {
				t.Errorf("%s did not finish (%s missing): a lost host must not stop the others under the threshold", h.Name, p)
			}
		}
	}
	id := runID(t, out)

	// The same loss with max_fail = 0 halts the run: it counts.
	for _, h := range f.Hosts {
		_ = os.Remove(h.Path("/root/started"))
	}
	if err := f.StartHost(dead.Name); err != nil {
		t.Fatal(err)
	}
	if !fileContains(t, dead.Path("/etc/motd"), "converted") {
		t.Fatal("the dead host's first step did not change it; nothing to roll back")
	}
	if _, err := os.Stat(dead.Path("/root/slept")); err == nil {
		t.Error("the step of the killed host finished anyway")
	}

	// Restored only when asked, and then exactly as before the run.
	code, out = runCLI(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts, "--hosts", dead.Name)
	if code != 0 || !strings.Contains(out, "ROLLED BACK "+dead.Name) {
		t.Fatalf("rollback --hosts %s: exit %d", dead.Name, code)
	}
	if diffs := steptest.FingerprintDiff(before, steptest.Fingerprint(t, dead)); len(diffs) > 0 {
		t.Errorf("%s not restored:\n  %s", dead.Name, strings.Join(diffs, "\n  "))
	}
	if !fileContains(t, f.Hosts[0].Path("/etc/motd"), "converted") {
		t.Error("a host that was not asked for was rolled back")
	}

	pb0 := writeFile(t, t.TempDir(), "long0.hcl", strings.Replace(longStepPlaybook, "%s", "0", 1))
	for _, h := range f.Hosts {
		_ = os.Remove(h.Path("/root/started"))
		_ = os.Remove(h.Path("/etc/motd"))
	}
	done = make(chan struct{})
	go func() {
		defer close(done)
		waitFile(t, dead.Path("/root/started"))
		if err := f.StopHost(dead.Name); err != nil {
			t.Error(err)
		}
	}()
	code, out = runCLI(t, runArgs(f, pb0)...)
	<-done
	if code != runner.ExitHalted {
		t.Errorf("max_fail = 0: exit %d, want %d", code, runner.ExitHalted)
	}
	wantInOutput(t, out, "1 of 3 host(s) in wave 1 failed or were unreachable, more than max_fail 0 tolerates (0)")
}

// TestHostFreezesMidStep: a host whose processes all stop in the middle
// of a step is given up after --command-timeout, not after minutes, and
// the other hosts converge.
func TestHostFreezesMidStep(t *testing.T) {
	f := fleet.Start(t, 2)
	frozen := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "long.hcl", strings.Replace(longStepPlaybook, "%s", "1", 1))
	go func() {
		waitFile(t, frozen.Path("/root/started"))
		if err := f.FreezeHost(frozen.Name); err != nil {
			t.Error(err)
		}
	}()
	t.Cleanup(func() { _ = f.ThawHost(frozen.Name) })
	start := time.Now()
	code, out := runCLI(t, runArgs(f, pb, "--command-timeout", "5s")...)
	elapsed := time.Since(start)
	if code == runner.ExitOK {
		t.Errorf("exit 0 with a frozen host")
	}
	if elapsed > 25*time.Second {
		t.Errorf("the run took %s with --command-timeout 5s", elapsed)
	}
	wantInOutput(t, out, "timed out after 5s")
	if _, err := os.Stat(f.Hosts[1].Path("/root/after")); err != nil {
		t.Error("the other host did not converge")
	}
}

const holdPlaybook = `
playbook { name = "hold" }
phase "work" {
  command "long" {
    run = "touch /root/started; sleep 6; echo ran >> /root/count"
  }
}
`

// TestHostLock: while one run works on a host, a second run against it
// fails at once naming the first (or, with --lock-wait, waits for it);
// a runner killed with SIGKILL releases its hosts with its connection.
func TestHostLock(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "hold.hcl", holdPlaybook)
	quick := writeFile(t, t.TempDir(), "quick.hcl", `
playbook { name = "quick" }
phase "p" {
  command "mark" { run = "echo quick >> /root/quick" }
}
`)

	// A second run fails within seconds and names the first.
	_, wait := startRun(t, runArgs(f, pb)...)
	waitFile(t, h.Path("/root/started"))
	start := time.Now()
	code, out := runCLI(t, runArgs(f, quick)...)
	if code != runner.ExitFailed {
		t.Errorf("second run: exit %d, want %d", code, runner.ExitFailed)
	}
	wantInOutput(t, out, "the host is locked by run ", "two runs must not change one host at once")
	if time.Since(start) > 6*time.Second {
		t.Errorf("the second run took %s to give up", time.Since(start))
	}
	if _, err := os.Stat(h.Path("/root/quick")); err == nil {
		t.Error("the second run changed the host")
	}
	first := runID(t, wait())
	if !strings.Contains(out, "run "+first+" from ") {
		t.Errorf("the message does not name the run that holds the host (%s)", first)
	}

	// With --lock-wait it waits for the first run to end.
	_ = os.Remove(h.Path("/root/started"))
	_, wait = startRun(t, runArgs(f, pb)...)
	waitFile(t, h.Path("/root/started"))
	code, _ = runCLI(t, runArgs(f, quick, "--lock-wait", "20s")...)
	wait()
	if code != runner.ExitOK {
		t.Errorf("with --lock-wait: exit %d", code)
	}
	if got := mustRead(t, h.Path("/root/count")); got != "ran\nran\n" {
		t.Errorf("/root/count = %q: the waiting run did not let the first finish", got)
	}

	// A runner killed with SIGKILL holds nothing: the next run goes on.
	_ = os.Remove(h.Path("/root/started"))
	cmd, wait := startRun(t, runArgs(f, pb)...)
	waitFile(t, h.Path("/root/started"))
	_ = cmd.Process.Kill()
	wait()
	code, out = runCLI(t, runArgs(f, quick, "--lock-wait", "10s")...)
	if code != runner.ExitOK {
		t.Errorf("after SIGKILL of the holder: exit %d", code)
	}
	if strings.Contains(out, "locked by") {
		t.Error("the killed runner's lock was still held")
	}
}

// TestRollbackTakesTheHostLock: a rollback restores a host only while
// it holds the host's run lock. While a run works on the host, rolling
// back an earlier run fails for that host, names the run that holds it
// and changes nothing; once that run has ended, the same rollback
// restores the host.
func TestRollbackTakesTheHostLock(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	earlier := writeFile(t, t.TempDir(), "earlier.hcl", `
playbook { name = "earlier" }
snapshot { paths = ["/srv"] }
phase "p" {
  command "mark" { run = "echo earlier > /srv/earlier" }
}
`)
	code, out := runCLI(t, runArgs(f, earlier)...)
	if code != runner.ExitOK {
		t.Fatalf("the earlier run: exit %d\n%s", code, out)
	}
	id := runID(t, out)
	rollback := func() (int, string) {
		return runCLI(t, "rollback", id, "-i", f.Inventory, "--known-hosts", f.KnownHosts)
	}

	// A run that holds the host until the test lets it go.
	holding := writeFile(t, t.TempDir(), "holding.hcl", `
playbook { name = "holding" }
phase "work" {
  command "hold" {
    run = "touch /root/started; n=0; until [ -e /root/release ] || [ $n -ge 600 ]; do sleep 0.1; n=$((n + 1)); done"
  }
}
`)
	_, wait := startRun(t, runArgs(f, holding)...)
	waitFile(t, h.Path("/root/started"))
	code, out = rollback()
	if err := os.WriteFile(h.Path("/root/release"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	holder := runID(t, wait())
	if code != runner.ExitRollback {
		t.Errorf("a rollback while a run holds the host: exit %d, want %d", code, runner.ExitRollback)
	}
	wantInOutput(t, out, "ROLLBACK FAILED on host-01", "the host is locked by run "+holder+" from ")
	if got := mustRead(t, h.Path("/srv/earlier")); got != "earlier\n" {
		t.Errorf("the refused rollback changed the host: /srv/earlier = %q", got)
	}

	code, out = rollback()
	if code != runner.ExitOK || !strings.Contains(out, "ROLLED BACK host-01") {
		t.Fatalf("the rollback after the run ended: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(h.Path("/srv/earlier")); !os.IsNotExist(err) {
		t.Errorf("the host was not restored: /srv/earlier is still there (%v)", err)
	}
}

// TestResumeWaitsForOrphanedCommands: a runner killed in the middle of a
// step leaves that step's command running on the host, and its journal
// line is not written until it ends. A resume started at once waits for
// it instead of running the step a second time.
func TestResumeWaitsForOrphanedCommands(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "hold.hcl", holdPlaybook)
	db := filepath.Join(t.TempDir(), "state.db")
	cmd, wait := startRun(t, append(runArgs(f, pb), "--state", db)...)
	waitFile(t, h.Path("/root/started"))
	_ = cmd.Process.Kill()
	wait()
	if _, err := os.Stat(h.Path("/root/count")); err == nil {
		t.Fatal("the step finished before the runner was killed; the test proves nothing")
	}
	id := lastRun(t, db)
	code, _ := runCLI(t, "run", "--resume", id, "--state", db)
	if code != runner.ExitOK {
		t.Errorf("resume: exit %d", code)
	}
	if got := mustRead(t, h.Path("/root/count")); got != "ran\n" {
		t.Errorf("/root/count = %q, want the step once", got)
	}
}

// TestDiskFull: a file step whose content does not fit on the host's
// disk fails with the host's own words, leaves the old file as it was
// and no temporary file behind, and the snapshot taken before it is
// intact (a rollback restores from it). When the snapshot itself does
// not fit, no change is made and the half snapshot is removed.
func TestDiskFull(t *testing.T) {
	f := fleet.Start(t, 2)
	full, snapFull := f.Hosts[0], f.Hosts[1]
	if err := f.LimitDisk(full.Name, "/srv/full", 64<<10); err != nil {
		t.Fatal(err)
	}
	if err := f.LimitDisk(snapFull.Name, "/var/lib/switchback/snapshots", 8<<10); err != nil {
		t.Fatal(err)
	}
	for _, h := range f.Hosts {
		if err := os.MkdirAll(h.Path("/srv/full"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(h.Path("/srv/full/app.conf"), []byte("old\n"), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	pb := writeFile(t, t.TempDir(), "big.hcl", `
playbook { name = "big" }
rollout {
  waves    = [2]
  max_fail = 2
  rollback = "host"
}
phase "p" {
  file "motd" {
    path    = "/etc/motd"
    content = "converted\n"
  }
  file "big" {
    path    = "/srv/full/app.conf"
    content = join("", [for i in range(1000) : format("%0100d\n", i)])
  }
}
`)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed {
		t.Errorf("exit %d, want %d", code, runner.ExitFailed)
	}
	wantInOutput(t, out, "No space left on device",
		"no change was made because the snapshot before it failed")
	for _, h := range f.Hosts {
		if got := mustRead(t, h.Path("/srv/full/app.conf")); got != "old\n" {
			t.Errorf("%s: app.conf = %.40q..., want the old content", h.Name, got)
		}
		steptest.NoTempFiles(t, h, "/srv/full", "/etc")
	}
	// The first host was rolled back from an intact snapshot.
	wantInOutput(t, out, "ROLLED BACK "+full.Name)
	if fileContains(t, full.Path("/etc/motd"), "converted") {
		t.Errorf("%s: the rollback did not restore /etc/motd", full.Name)
	}
	// The second changed nothing, and kept no half snapshot.
	if fileContains(t, snapFull.Path("/etc/motd"), "converted") {
		t.Errorf("%s was changed although its snapshot failed", snapFull.Name)
	}
	if entries, _ := os.ReadDir(snapFull.Path("/var/lib/switchback/snapshots")); len(entries) > 0 {
		t.Errorf("%s: a half snapshot was left: %v", snapFull.Name, entries)
	}
}

// throughProxy writes an inventory and known_hosts that reach host h
// through p.
func throughProxy(t *testing.T, f *fleet.Fleet, h *fleet.Host, p *faultProxy) (inventory, knownHosts string) {
	t.Helper()
	dir := t.TempDir()
	var key string
	for _, line := range strings.Split(mustRead(t, f.KnownHosts), "\n") {
		if rest, ok := strings.CutPrefix(line, "["+h.Address+"]:"); ok {
			_, key, _ = strings.Cut(rest, " ")
		}
	}
	if key == "" {
		t.Fatalf("no known_hosts line for %s", h.Name)
	}
	knownHosts = writeFile(t, dir, "known_hosts", "[127.0.0.1]:"+strconv.Itoa(p.port())+" "+key+"\n")
	inventory = writeFile(t, dir, "inventory.hcl", fmt.Sprintf(`
host %q {
  address       = "127.0.0.1"
  port          = %d
  user          = %q
  identity_file = %q
}
`, h.Name, p.port(), f.User, f.IdentityFile))
	return inventory, knownHosts
}

// TestConnectionResetMidTransfer: a file's new content is on its way
// through a slow link when the connection is reset. The file on the host
// is then the old one, whole, with no temporary file left; over a slow,
// delayed but working link the next run writes the new one, whole.
func TestConnectionResetMidTransfer(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	p := newFaultProxy(t, net.JoinHostPort(h.Address, strconv.Itoa(h.Port)))
	inv, known := throughProxy(t, f, h, p)
	old := strings.Repeat("old line\n", 30000)
	if err := os.MkdirAll(h.Path("/srv"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(h.Path("/srv/big.conf"), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	pb := writeFile(t, t.TempDir(), "big.hcl", `
playbook { name = "big" }
phase "p" {
  file "big" {
    path    = "/srv/big.conf"
    content = join("", [for i in range(1000) : format("%01000d\n", i)])
  }
}
`)
	want := ""
	for i := range 1000 {
		want += fmt.Sprintf("%01000d\n", i)
	}
	args := []string{"run", pb, "-i", inv, "--known-hosts", known, "--connect-timeout", "5s"}

	// Reset once about half of the new content went out: the probe of
	// the old file (300 KB coming back) and the handshake are well under.
	p.rate, p.resetAfter = 2<<20, 600<<10
	code, out := runCLI(t, args...)
	if code != runner.ExitUnreachable {
		t.Errorf("reset: exit %d, want %d", code, runner.ExitUnreachable)
	}
	wantInOutput(t, out, "UNREACHABLE")
	time.Sleep(500 * time.Millisecond) // let the host's shell see the cut
	if got := mustRead(t, h.Path("/srv/big.conf")); got != old {
		t.Errorf("after the reset the file is neither old nor new: %d bytes", len(got))
	}
	steptest.NoTempFiles(t, h, "/srv")

	p.resetAfter, p.latency = 0, 2*time.Millisecond
	if code, _ := runCLI(t, args...); code != runner.ExitOK {
		t.Errorf("slow link: exit %d", code)
	}
	if got := mustRead(t, h.Path("/srv/big.conf")); got != want {
		t.Errorf("over a slow link the file is not the new one: %d bytes", len(got))
	}
	steptest.NoTempFiles(t, h, "/srv")
}

const hostilePlaybook = `
playbook { name = "hostile" }
phase "p" {
  command "huge" {
    run           = "head -c 20000000 /dev/zero | tr '\\0' x; exit 1"
    ignore_errors = true
  }
  command "huge lines" {
    run           = "yes 'a line of noise' | head -c 20000000 >&2; exit 1"
    ignore_errors = true
  }
  command "ansi" {
    run           = "printf '\\033[2J\\033[31mRED\\033]0;owned\\007\\033[0m\\n' >&2; exit 1"
    ignore_errors = true
  }
  command "binary" {
    run           = "head -c 4096 /dev/urandom >&2; exit 1"
    ignore_errors = true
  }
  command "spoofed marker" {
    run           = "printf 'switchback-pgid 1\\n' >&2; exit 1"
    ignore_errors = true
  }
}
`

// TestHostileOutput: output a host cannot be trusted with (endless,
// binary, terminal escapes, lines like the transport's own) is capped,
// never reaches the operator's terminal raw (console, JSON, JUnit, runs
// show) and cannot pass for the transport's marker.
func TestHostileOutput(t *testing.T) {
	f := fleet.Start(t, 1)
	dir := t.TempDir()
	pb := writeFile(t, dir, "hostile.hcl", hostilePlaybook)
	junit := filepath.Join(dir, "report.xml")
	code, out := runCLI(t, runArgs(f, pb, "--junit", junit)...)
	if code != runner.ExitOK {
		t.Errorf("exit %d, want 0 (every failure is ignored)", code)
	}
	check := func(what, text string) {
		t.Helper()
		if strings.ContainsAny(text, "\x1b\x07") {
			t.Errorf("%s holds a raw terminal escape", what)
		}
		if len(text) > 1<<20 {
			t.Errorf("%s is %d bytes: host output was not capped", what, len(text))
		}
	}
	check("the console report", out)
	wantInOutput(t, out, "switchback-pgid 1")
	report, err := os.ReadFile(junit)
	if err != nil {
		t.Fatal(err)
	}
	check("the JUnit report", string(report))
	var parsed struct{}
	if err := xml.Unmarshal(report, &parsed); err != nil {
		t.Errorf("the JUnit report is not well-formed XML: %v", err)
	}

	code, jsonOut := runCLI(t, runArgs(f, pb, "--output", "json")...)
	if code != runner.ExitOK {
		t.Errorf("json: exit %d", code)
	}
	check("the JSON report", jsonOut)
	for _, line := range strings.Split(strings.TrimSpace(jsonOut), "\n") {
		if !json.Valid([]byte(line)) {
			t.Errorf("not a JSON line: %.80q", line)
		}
	}
	code, show := runCLI(t, "runs", "show", runID(t, out))
	if code != 0 {
		t.Fatalf("runs show: exit %d", code)
	}
	check("runs show", show)
}

// writable lists what in a host's root anyone may write to (symbolic
// links and sticky directories aside) and the temporary files of atomic
// writes, wherever they are.
func writable(t *testing.T, h *fleet.Host) map[string]string {
	t.Helper()
	found := map[string]string{}
	err := filepath.WalkDir(h.Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // vanished while walking
		}
		rel, _ := filepath.Rel(h.Root, p)
		if rel == "proc" || rel == "dev" || rel == "mnt/repo" {
			return filepath.SkipDir
		}
		if strings.HasPrefix(d.Name(), ".switchback.") {
			found[rel] = "temporary file"
		}
		info, err := os.Lstat(p)
		if err != nil || info.Mode()&fs.ModeSymlink != 0 {
			return nil
		}
		if info.Mode().Perm()&0o002 != 0 && info.Mode()&fs.ModeSticky == 0 {
			found[rel] = info.Mode().String()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// TestWritesUseSafeModes: after runs that change files, fail, are rolled
// back and are cut off mid-step, nothing switchback created on the host
// is writable by everyone, its own records are private, and no temporary
// file is left anywhere.
func TestWritesUseSafeModes(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	before := writable(t, h)
	pb := writeFile(t, t.TempDir(), "modes.hcl", `
playbook { name = "modes" }
rollout { rollback = "host" }
phase "p" {
  file "dir" {
    path  = "/srv/app"
    state = "directory"
  }
  file "conf" {
    path    = "/srv/app/app.conf"
    content = "a = 1\n"
  }
  line "hosts" {
    path   = "/srv/app/hosts"
    line   = "10.0.0.1 db"
    create = true
  }
  command "long" {
    run = "touch /root/started; sleep 2"
  }
  command "fails" {
    run = "exit 1"
  }
}
`)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed || !strings.Contains(out, "ROLLED BACK") {
		t.Fatalf("exit %d, want a failed and rolled back host", code)
	}
	// Once more, cut off in the middle of the long step.
	cmd, wait := startRun(t, runArgs(f, pb)...)
	waitFile(t, h.Path("/root/started"))
	_ = cmd.Process.Kill()
	wait()
	time.Sleep(2500 * time.Millisecond) // the orphaned step ends

	after := writable(t, h)
	for p, what := range after {
		if before[p] == "" {
			t.Errorf("%s: %s", p, what)
		}
	}
	for _, c := range []struct {
		path string
		perm fs.FileMode
	}{
		{"/var/lib/switchback/snapshots", 0o700},
		{runner.JournalDir, 0o700},
		{runner.LockDir, 0o755},
		{runner.LockDir + "/run.lock", 0o644},
		{runner.LockDir + "/holder", 0o644},
	} {
		fi, err := os.Stat(h.Path(c.path))
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		if fi.Mode().Perm() != c.perm {
			t.Errorf("%s has mode %v, want %v", c.path, fi.Mode().Perm(), c.perm)
		}
	}
	entries, _ := os.ReadDir(h.Path("/var/lib/switchback/snapshots"))
	for _, e := range entries {
		fi, _ := os.Stat(h.Path("/var/lib/switchback/snapshots/" + e.Name()))
		if fi.Mode().Perm() != 0o700 {
			t.Errorf("snapshot %s has mode %v, want 0700", e.Name(), fi.Mode().Perm())
		}
	}
}

// TestPackageRepositoryUnreachable: the package repository of the second
// wave's host goes away while the first wave runs. Its apk step fails
// with apk's own words, and the host is rolled back to before the run.
func TestPackageRepositoryUnreachable(t *testing.T) {
	f := fleet.Start(t, 2)
	first, second := f.Hosts[0], f.Hosts[1]
	pb := writeFile(t, t.TempDir(), "pkgs.hcl", `
playbook { name = "pkgs" }
snapshot { paths = ["/etc/motd"] }
rollout {
  waves    = [1, 1]
  pause    = "2s"
  max_fail = 1
  rollback = "host"
}
phase "p" {
  file "motd" {
    path    = "/etc/motd"
    content = "converted\n"
  }
  apk "hello" { packages = ["sb-hello"] }
}
`)
	before := steptest.Fingerprint(t, second)
	go func() {
		waitFile(t, first.Path("/usr/bin/sb-hello"))
		// A repository that refuses connections, as a mirror that is down.
		if err := os.WriteFile(second.Path("/etc/apk/repositories"), []byte("http://127.0.0.1:9/alpine\n"), 0o644); err != nil {
			t.Error(err)
		}
	}()
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed {
		t.Errorf("exit %d, want %d", code, runner.ExitFailed)
	}
	wantInOutput(t, out, "ROLLED BACK "+second.Name, "apk add failed", "could not connect to server")
	if strings.Contains(out, "ROLLBACK FAILED") {
		t.Error("the rollback failed")
	}
	if _, err := os.Stat(first.Path("/usr/bin/sb-hello")); err != nil {
		t.Error("the first wave did not converge")
	}
	// Back to before the run, but for the repository that the fault
	// itself changed (the snapshot was taken after it).
	diffs := steptest.FingerprintDiff(before, steptest.Fingerprint(t, second))
	var others []string
	for _, d := range diffs {
		if !strings.Contains(d, "etc/apk/repositories") {
			others = append(others, d)
		}
	}
	if len(others) > 0 {
		t.Errorf("%s not restored:\n  %s", second.Name, strings.Join(others, "\n  "))
	}
}
