package main

// Tests against the local fleet: real sshd, real Alpine roots with real apk
// and BusyBox ash. Each runs the command line in-process and then reads the
// hosts' filesystems from the controller to see what really happened.

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/runner"
)

// runCLI runs switchback with args and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(args, Env{Stdout: &stdout, Stderr: &stderr, Getenv: testGetenv(t)})
	out := stdout.String() + stderr.String()
	t.Logf("switchback %s → exit %d\n%s", strings.Join(args, " "), code, out)
	return code, out
}

// testGetenv gives each test its own state directory, so that runs are
// recorded somewhere the test owns and can read.
func testGetenv(t *testing.T) func(string) string {
	dir := stateDir(t)
	return func(k string) string {
		if k == "XDG_STATE_HOME" {
			return dir
		}
		return ""
	}
}

var stateDirs sync.Map // test name → directory

func stateDir(t *testing.T) string {
	if d, ok := stateDirs.Load(t.Name()); ok {
		return d.(string)
	}
	d := t.TempDir()
	stateDirs.Store(t.Name(), d)
	return d
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	return steptest.Write(t, dir, name, content)
}

func fileContains(t *testing.T, path, want string) bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	return strings.Contains(string(b), want)
}

func runArgs(f *fleet.Fleet, playbook string, extra ...string) []string {
	return append([]string{"run", playbook, "-i", f.Inventory, "--known-hosts", f.KnownHosts, "--connect-timeout", "5s"}, extra...)
}

const installPlaybook = `
playbook {
  name = "install"
}

phase "packages" {
  apk "hello" {
    packages = ["sb-hello", "sb-app"]
  }
}

phase "setup" {
  command "append once" {
    run     = "echo converged >> /root/runs.log && touch /root/done"
    creates = "/root/done"
  }
  command "append unless" {
    run    = "echo unless >> /root/unless.log"
    unless = "grep -q unless /root/unless.log"
  }
}
`

// TestConvergeThenNoOp: apk installs from the fleet's repository on every
// host, guarded commands run once, and a second run changes nothing.
func TestConvergeThenNoOp(t *testing.T) {
	f := fleet.Start(t, 3)
	pb := writeFile(t, t.TempDir(), "install.hcl", installPlaybook)

	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitOK {
		t.Fatalf("first run: exit %d", code)
	}
	if got := strings.Count(out, "ok=0   changed=3   failed=0   unreachable=0"); got != 3 {
		t.Errorf("first run: %d hosts report changed=3, want 3", got)
	}
	for _, h := range f.Hosts {
		if !fileContains(t, h.Path("/etc/apk/world"), "sb-hello") || !fileContains(t, h.Path("/etc/apk/world"), "sb-app") {
			t.Errorf("%s: /etc/apk/world lacks the packages", h.Name)
		}
		for _, pkg := range []string{"P:sb-hello", "P:sb-app", "P:sb-lib"} { // sb-lib is sb-app's dependency
			if !fileContains(t, h.Path("/lib/apk/db/installed"), pkg+"\n") {
				t.Errorf("%s: %s not in the installed database", h.Name, pkg)
			}
		}
		if _, err := os.Stat(h.Path("/usr/bin/sb-hello")); err != nil {
			t.Errorf("%s: package files missing: %v", h.Name, err)
		}
	}

	code, out = runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitOK {
		t.Fatalf("second run: exit %d", code)
	}
	if got := strings.Count(out, "ok=3   changed=0   failed=0   unreachable=0"); got != 3 {
		t.Errorf("second run: %d hosts report ok=3 changed=0, want 3", got)
	}
	for _, h := range f.Hosts {
		for _, log := range []string{"/root/runs.log", "/root/unless.log"} {
			b, err := os.ReadFile(h.Path(log))
			if err != nil {
				t.Fatalf("%s: %v", h.Name, err)
			}
			if n := strings.Count(string(b), "\n"); n != 1 {
				t.Errorf("%s: %s has %d lines after two runs, want 1 (the guard must stop the second)", h.Name, log, n)
			}
		}
	}
}

// TestCheckModeChangesNothing: --check reports the plan and leaves the
// host as it was.
func TestCheckModeChangesNothing(t *testing.T) {
	f := fleet.Start(t, 1)
	pb := writeFile(t, t.TempDir(), "install.hcl", installPlaybook)
	h := f.Hosts[0]
	worldBefore, err := os.ReadFile(h.Path("/etc/apk/world"))
	if err != nil {
		t.Fatal(err)
	}

	code, out := runCLI(t, runArgs(f, pb, "--check")...)
	if code != runner.ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"would change packages / hello", "+ sb-hello", "+ sb-app", "would change setup / append once"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q", want)
		}
	}
	worldAfter, _ := os.ReadFile(h.Path("/etc/apk/world"))
	if !bytes.Equal(worldBefore, worldAfter) {
		t.Errorf("--check changed /etc/apk/world:\n%s", worldAfter)
	}
	for _, p := range []string{"/usr/bin/sb-hello", "/root/done", "/root/runs.log", "/root/unless.log"} {
		if _, err := os.Stat(h.Path(p)); err == nil {
			t.Errorf("--check created %s", p)
		}
	}
}

// TestUnreachableHostDoesNotStopOthers: a stopped host is reported
// unreachable (exit 3) and every other host still converges.
func TestUnreachableHostDoesNotStopOthers(t *testing.T) {
	f := fleet.Start(t, 3)
	pb := writeFile(t, t.TempDir(), "install.hcl", installPlaybook)
	down := f.Hosts[1]
	if err := f.StopHost(down.Name); err != nil {
		t.Fatal(err)
	}

	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitUnreachable {
		t.Errorf("exit %d, want %d (unreachable)", code, runner.ExitUnreachable)
	}
	if !strings.Contains(out, down.Name+" ("+f.User+"@"+down.Address+":2222)\n  UNREACHABLE: dial tcp") {
		t.Errorf("output does not report %s unreachable", down.Name)
	}
	if !strings.Contains(out, "3 host(s): 2 ok, 0 failed, 1 unreachable") {
		t.Error("recap totals are wrong")
	}
	for _, h := range f.Hosts {
		_, err := os.Stat(h.Path("/root/done"))
		if converged := err == nil; converged != (h != down) {
			t.Errorf("%s: converged=%v", h.Name, converged)
		}
	}
}

// TestFailedStepFailsHost: a failing step fails its host (exit 2), the
// host's later steps do not run, and the next host still runs.
func TestFailedStepFailsHost(t *testing.T) {
	f := fleet.Start(t, 2)
	bad := f.Hosts[0]
	pb := writeFile(t, t.TempDir(), "fail.hcl", `
playbook { name = "fail" }
phase "one" {
  command "fails on the first host" {
    run = "if [ \"$(cat /etc/hostname-marker 2>/dev/null)\" = bad ]; then echo 'no space left' >&2; exit 3; fi"
  }
  command "after" {
    run = "touch /root/after"
  }
}
`)
	if err := os.WriteFile(bad.Path("/etc/hostname-marker"), []byte("bad"), 0o644); err != nil {
		t.Fatal(err)
	}
	junit := filepath.Join(t.TempDir(), "report.xml")
	code, out := runCLI(t, runArgs(f, pb, "--junit", junit)...)
	if code != runner.ExitFailed {
		t.Errorf("exit %d, want %d (failed)", code, runner.ExitFailed)
	}
	var report struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if b, err := os.ReadFile(junit); err != nil {
		t.Error(err)
	} else if err := xml.Unmarshal(b, &report); err != nil {
		t.Errorf("JUnit report is not XML: %v", err)
	} else if report.Tests != 3 || report.Failures != 1 || len(report.Suites) != 2 ||
		report.Suites[0].Cases[0].Failure == nil || !strings.Contains(report.Suites[0].Cases[0].Failure.Message, "no space left") {
		t.Errorf("JUnit report: %+v", report)
	}
	if !strings.Contains(out, "command failed (exit 3): no space left") {
		t.Error("the failure does not quote the command's stderr and exit code")
	}
	if _, err := os.Stat(bad.Path("/root/after")); err == nil {
		t.Error("a step ran on the failed host after its failure")
	}
	if _, err := os.Stat(f.Hosts[1].Path("/root/after")); err != nil {
		t.Error("the next host did not run")
	}
}

// TestChangedHostKeyIsRefused: after a host's key changes, switchback
// refuses it in strict and in accept-new mode, and touches nothing there.
func TestChangedHostKeyIsRefused(t *testing.T) {
	f := fleet.Start(t, 2)
	pb := writeFile(t, t.TempDir(), "install.hcl", installPlaybook)
	victim := f.Hosts[0]
	if err := f.RotateHostKey(victim.Name); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"strict", "accept-new"} {
		code, out := runCLI(t, runArgs(f, pb, "--host-key-check", mode)...)
		if code != runner.ExitUnreachable {
			t.Errorf("%s: exit %d, want %d", mode, code, runner.ExitUnreachable)
		}
		if !strings.Contains(out, "HOST KEY CHANGED for "+victim.Name) || !strings.Contains(out, "ssh-keygen -R") {
			t.Errorf("%s: no clear changed-key message", mode)
		}
		if _, err := os.Stat(victim.Path("/root/done")); err == nil {
			t.Fatalf("%s: the host with the changed key was modified", mode)
		}
	}
	if _, err := os.Stat(f.Hosts[1].Path("/root/done")); err != nil {
		t.Error("the host with the right key did not converge")
	}
}

// TestAcceptNewRecordsKeys: with an empty known_hosts, strict mode refuses
// every host; accept-new records their keys; strict mode then accepts them.
func TestAcceptNewRecordsKeys(t *testing.T) {
	f := fleet.Start(t, 2)
	pb := writeFile(t, t.TempDir(), "install.hcl", installPlaybook)
	kh := writeFile(t, t.TempDir(), "known_hosts", "# kept\n")
	args := func(extra ...string) []string {
		return append([]string{"run", pb, "-i", f.Inventory, "--known-hosts", kh}, extra...)
	}

	code, out := runCLI(t, args()...)
	if code != runner.ExitUnreachable || !strings.Contains(out, "is not in "+kh) {
		t.Fatalf("strict mode with unknown hosts: exit %d", code)
	}
	if code, _ := runCLI(t, args("--host-key-check", "accept-new")...); code != runner.ExitOK {
		t.Fatalf("accept-new: exit %d", code)
	}
	b, _ := os.ReadFile(kh)
	if !strings.HasPrefix(string(b), "# kept\n") || strings.Count(string(b), "ssh-ed25519") != len(f.Hosts) {
		t.Errorf("known_hosts after accept-new:\n%s", b)
	}
	if code, _ := runCLI(t, args()...); code != runner.ExitOK {
		t.Errorf("strict mode with recorded keys: exit %d", code)
	}
}

// TestAgentAuth logs in with a key held only by a real ssh-agent: the
// inventory names no identity file and HOME has no keys.
func TestAgentAuth(t *testing.T) {
	if _, err := exec.LookPath("ssh-agent"); err != nil {
		t.Skip("ssh-agent not installed (openssh-client)")
	}
	f := fleet.Start(t, 1)
	dir := t.TempDir()
	sock := filepath.Join(dir, "agent.sock")
	agentCmd := exec.Command("ssh-agent", "-D", "-a", sock)
	if err := agentCmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { agentCmd.Process.Kill(); agentCmd.Wait() })
	for i := 0; ; i++ {
		if _, err := os.Stat(sock); err == nil {
			break
		}
		if i > 100 {
			t.Fatal("ssh-agent did not create its socket")
		}
		time.Sleep(20 * time.Millisecond)
	}
	add := exec.Command("ssh-add", f.IdentityFile)
	add.Env = append(os.Environ(), "SSH_AUTH_SOCK="+sock)
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("ssh-add: %v: %s", err, out)
	}

	h := f.Hosts[0]
	inv := writeFile(t, dir, "inventory.hcl", fmt.Sprintf(`
host %q {
  address = %q
  port    = %d
  user    = %q
}
`, h.Name, h.Address, h.Port, f.User))
	pb := writeFile(t, dir, "install.hcl", installPlaybook)
	t.Setenv("HOME", dir) // no default keys to fall back on

	var stdout, stderr bytes.Buffer
	env := Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string {
		if k == "SSH_AUTH_SOCK" {
			return sock
		}
		return testGetenv(t)(k)
	}}
	code := Main([]string{"run", pb, "-i", inv, "--known-hosts", f.KnownHosts}, env)
	t.Logf("%s%s", stdout.String(), stderr.String())
	if code != runner.ExitOK {
		t.Fatalf("exit %d with agent auth", code)
	}
	if _, err := os.Stat(h.Path("/root/done")); err != nil {
		t.Error("host not converged through agent auth")
	}
}

// TestOneConnectionPerHost: a run opens one SSH connection per host and
// sends every step's commands over it, as the hosts' own sshd logs show.
func TestOneConnectionPerHost(t *testing.T) {
	f := fleet.Start(t, 2)
	pb := writeFile(t, t.TempDir(), "install.hcl", installPlaybook)
	logins := func(h *fleet.Host) int {
		b, err := os.ReadFile(h.SSHDLog())
		if err != nil {
			t.Fatal(err)
		}
		return strings.Count(string(b), "Accepted publickey for "+f.User)
	}
	before := map[string]int{}
	for _, h := range f.Hosts {
		before[h.Name] = logins(h)
	}
	// The first run sends at least five commands per host (two checks and
	// applies of guarded commands, apk's check and apply).
	if code, _ := runCLI(t, runArgs(f, pb)...); code != runner.ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, h := range f.Hosts {
		if n := logins(h) - before[h.Name]; n != 1 {
			t.Errorf("%s: %d SSH logins during the run, want 1", h.Name, n)
		}
	}
}

// TestApkAbsent removes a package that a previous step installed, and a
// second run finds nothing to remove.
func TestApkAbsent(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	add := writeFile(t, dir, "add.hcl", `
playbook { name = "add" }
phase "p" {
  apk "hello" { packages = ["sb-hello"] }
}
`)
	del := writeFile(t, dir, "del.hcl", `
playbook { name = "del" }
phase "p" {
  apk "hello" {
    packages = ["sb-hello"]
    state    = "absent"
  }
}
`)
	if code, _ := runCLI(t, runArgs(f, add)...); code != runner.ExitOK {
		t.Fatalf("install: exit %d", code)
	}
	code, out := runCLI(t, runArgs(f, del)...)
	if code != runner.ExitOK || !strings.Contains(out, "- sb-hello") {
		t.Fatalf("remove: exit %d", code)
	}
	if fileContains(t, h.Path("/etc/apk/world"), "sb-hello") || fileContains(t, h.Path("/lib/apk/db/installed"), "P:sb-hello\n") {
		t.Error("sb-hello is still in the world or installed")
	}
	if _, err := os.Stat(h.Path("/usr/bin/sb-hello")); err == nil {
		t.Error("sb-hello's files are still there")
	}
	code, out = runCLI(t, runArgs(f, del)...)
	if code != runner.ExitOK || !strings.Contains(out, "ok=1   changed=0") {
		t.Errorf("second removal: exit %d, want ok=1 changed=0", code)
	}
}

// TestFrozenHostTimesOut: a host whose processes are stopped accepts the
// TCP connection but never answers; it is declared unreachable after the
// connect timeout, and the run goes on.
func TestFrozenHostTimesOut(t *testing.T) {
	f := fleet.Start(t, 2)
	pb := writeFile(t, t.TempDir(), "install.hcl", installPlaybook)
	frozen := f.Hosts[0]
	if err := f.FreezeHost(frozen.Name); err != nil {
		t.Fatal(err)
	}
	defer f.ThawHost(frozen.Name)

	start := time.Now()
	code, out := runCLI(t, "run", pb, "-i", f.Inventory, "--known-hosts", f.KnownHosts, "--connect-timeout", "1s")
	if code != runner.ExitUnreachable {
		t.Errorf("exit %d, want %d", code, runner.ExitUnreachable)
	}
	if !strings.Contains(out, "no SSH handshake within 1s") {
		t.Error("the frozen host's timeout is not explained")
	}
	if elapsed := time.Since(start); elapsed > 30*time.Second {
		t.Errorf("run took %s with a 1s connect timeout", elapsed)
	}
	if _, err := os.Stat(f.Hosts[1].Path("/root/done")); err != nil {
		t.Error("the other host did not converge")
	}
}

// TestCommandTimeout: a command that outlives --command-timeout fails its
// step with a message saying which flag to raise.
func TestCommandTimeout(t *testing.T) {
	f := fleet.Start(t, 1)
	pb := writeFile(t, t.TempDir(), "slow.hcl", `
playbook { name = "slow" }
phase "p" {
  command "slow" { run = "sleep 30; touch /root/slept" }
}
`)
	start := time.Now()
	code, out := runCLI(t, runArgs(f, pb, "--command-timeout", "1s")...)
	if code != runner.ExitFailed {
		t.Errorf("exit %d, want %d", code, runner.ExitFailed)
	}
	if !strings.Contains(out, "timed out after 1s (raise the step's timeout, or --command-timeout") {
		t.Error("the timeout is not explained")
	}
	if elapsed := time.Since(start); elapsed > 20*time.Second {
		t.Errorf("run took %s with a 1s command timeout", elapsed)
	}
	// The whole command was killed, not just its shell: nothing of it is
	// left running inside the host to finish the job later.
	ps, err := f.Exec(f.Hosts[0].Name, "ps -o args | grep -c '^sleep 30' || true")
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(ps) != "0" {
		t.Errorf("%s process(es) of the timed-out command still run in the host", strings.TrimSpace(ps))
	}
}

// TestRunsShow: a finished run is in the state database with its hosts,
// their counts and its exit code.
func TestRunsShow(t *testing.T) {
	f := fleet.Start(t, 2)
	pb := writeFile(t, t.TempDir(), "install.hcl", installPlaybook)
	f.StopHost(f.Hosts[1].Name)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitUnreachable {
		t.Fatalf("exit %d", code)
	}
	i := strings.Index(out, "Run ")
	id := strings.Fields(out[i:])[1]
	failed := filepath.Join(stateDir(t), "switchback", "runs", id+"-failed.txt")
	b, err := os.ReadFile(failed)
	if names, ok, perr := inventory.ParseHostList(b); err != nil || !ok || perr != nil || !slices.Equal(names, []string{"host-02"}) {
		t.Errorf("%s: %q, %v; want a host list of the unreachable host", failed, b, err)
	}
	if !strings.Contains(out, "rerun them with --limit @"+failed) {
		t.Error("the failed-hosts file is not announced")
	}
	code, out = runCLI(t, "runs", "show", id)
	if code != 0 {
		t.Fatalf("runs show: exit %d", code)
	}
	for _, want := range []string{"playbook \"install\", 2 host(s)", "exit 3", "host-01  1     ok           0   3        0", "host-02  1     unreachable  0   0        0"} {
		if !strings.Contains(out, want) {
			t.Errorf("runs show lacks %q", want)
		}
	}
	if code, _ := runCLI(t, "runs", "show", "nosuch"); code != runner.ExitUsage {
		t.Errorf("an unknown run: exit %d, want 1", code)
	}
}
