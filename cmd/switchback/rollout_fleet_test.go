package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

// rigged makes a host fail the playbook's "rigged" step.
func rig(t *testing.T, h *fleet.Host) {
	t.Helper()
	if err := os.WriteFile(h.Path("/etc/rigged"), []byte("yes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

const wavesPlaybook = `
playbook { name = "waves" }

rollout {
  strategy = "waves"
  waves    = [1, "25%%", "100%%"]
  max_fail = "34%%"
  forks    = 3
}

phase "convert" {
  apk "hello" { packages = ["sb-hello"] }
  command "rigged" {
    run = "if [ -e /etc/rigged ]; then echo 'rigged to fail' >&2; exit 1; fi; touch /root/done"
    creates = "/root/done"
  }
}
%s
`

// TestWavesHaltOnThresholdOnFleet: 12 hosts in waves of 1, 3 and 8;
// max_fail 34% lets a 3-host wave lose one host. Two rigged hosts in
// wave 2 halt the run (exit 4): the canary stays converged and no host of
// wave 3 is touched.
func TestWavesHaltOnThresholdOnFleet(t *testing.T) {
	f := fleet.Start(t, 12)
	pb := writeFile(t, t.TempDir(), "waves.hcl", fmt.Sprintf(wavesPlaybook, ""))
	rig(t, f.Hosts[1])
	rig(t, f.Hosts[3])
	worldBefore, err := os.ReadFile(f.Hosts[11].Path("/etc/apk/world"))
	if err != nil {
		t.Fatal(err)
	}

	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitHalted {
		t.Errorf("exit %d, want %d (halted)", code, runner.ExitHalted)
	}
	if !strings.Contains(out, "HALT: 2 of 3 host(s) in wave 2 failed or were unreachable, more than max_fail 34% tolerates (1)") {
		t.Error("the halt and its reason are not reported")
	}
	if _, err := os.Stat(f.Hosts[0].Path("/root/done")); err != nil {
		t.Error("the canary did not converge")
	}
	for _, h := range f.Hosts[4:] {
		if _, err := os.Stat(h.Path("/usr/bin/sb-hello")); err == nil {
			t.Errorf("%s of wave 3 was touched after the halt", h.Name)
		}
		if !strings.Contains(out, h.Name+"  wave 3   ok=0   changed=0   failed=0   unreachable=0  (not started)") {
			t.Errorf("%s is not reported as not started", h.Name)
		}
	}
	worldAfter, _ := os.ReadFile(f.Hosts[11].Path("/etc/apk/world"))
	if string(worldBefore) != string(worldAfter) {
		t.Error("a wave-3 host's apk world changed")
	}
}

// TestUnreachableCountsTowardThreshold: a stopped host in the canary
// wave is a failure like any other.
func TestUnreachableCountsTowardThreshold(t *testing.T) {
	f := fleet.Start(t, 4)
	pb := writeFile(t, t.TempDir(), "waves.hcl", fmt.Sprintf(wavesPlaybook, ""))
	if err := f.StopHost(f.Hosts[0].Name); err != nil {
		t.Fatal(err)
	}
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitHalted || !strings.Contains(out, "1 of 1 host(s) in wave 1 failed or were unreachable") {
		t.Errorf("exit %d, want a halt after the unreachable canary", code)
	}
	for _, h := range f.Hosts[1:] {
		if _, err := os.Stat(h.Path("/usr/bin/sb-hello")); err == nil {
			t.Errorf("%s was touched after the canary was unreachable", h.Name)
		}
	}
}

// TestOrderByPhaseOnFleet: with order = "phase", no host of a wave starts
// phase two before every host of that wave finished phase one, as the
// hosts' own clocks (/proc/uptime, shared by all hosts) record.
func TestOrderByPhaseOnFleet(t *testing.T) {
	f := fleet.Start(t, 4)
	pb := writeFile(t, t.TempDir(), "phases.hcl", `
playbook { name = "phases" }
rollout {
  strategy = "waves"
  waves    = [2]
  order    = "phase"
  forks    = 2
}
phase "one" {
  command "slow on rigged hosts" {
    run = "if [ -e /etc/rigged ]; then sleep 1; fi; cut -d' ' -f1 /proc/uptime > /root/p1-end"
  }
}
phase "two" {
  command "stamp" {
    run = "cut -d' ' -f1 /proc/uptime > /root/p2-start"
  }
}
`)
	rig(t, f.Hosts[0])
	rig(t, f.Hosts[2])
	if code, _ := runCLI(t, runArgs(f, pb)...); code != runner.ExitOK {
		t.Fatalf("exit %d", code)
	}
	for w := 0; w < 2; w++ {
		wave := f.Hosts[2*w : 2*w+2]
		lastEnd := max(stamp(t, wave[0], "/root/p1-end"), stamp(t, wave[1], "/root/p1-end"))
		firstStart := min(stamp(t, wave[0], "/root/p2-start"), stamp(t, wave[1], "/root/p2-start"))
		if firstStart < lastEnd {
			t.Errorf("wave %d: phase two started at %.2f, before phase one ended at %.2f", w+1, firstStart, lastEnd)
		}
	}
}

// TestGateFailsHost: a gate runs on each host after it converged and the
// soak time passed; a failing gate fails the host and counts toward the
// threshold like any failure.
func TestGateFailsHost(t *testing.T) {
	f := fleet.Start(t, 3)
	pb := writeFile(t, t.TempDir(), "gate.hcl", `
playbook { name = "gated" }
rollout {
  waves    = [1, "100%"]
  max_fail = 1
  gate {
    soak = "1s"
    command "daemon healthy" {
      run = "[ ! -e /etc/rigged ] && [ -s /run/sb-daemon.heartbeat ]"
    }
  }
}
phase "install" {
  apk "daemon" { packages = ["sb-daemon"] }
  command "start" {
    run    = "rc-service sb-daemon start"
    unless = "rc-service sb-daemon status"
  }
  command "converged at" {
    run = "cut -d' ' -f1 /proc/uptime > /root/converged"
  }
}
`)
	rig(t, f.Hosts[2])
	start := time.Now()
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitFailed {
		t.Errorf("exit %d, want %d (one failed host, tolerated)", code, runner.ExitFailed)
	}
	if !strings.Contains(out, "failed   gate / daemon healthy") {
		t.Error("the rigged host's gate failure is not reported")
	}
	if strings.Count(out, "gate / daemon healthy") != 1 {
		t.Error("passing gates should be quiet, failing ones reported")
	}
	if !strings.Contains(out, "host-02  wave 2   ok=1   changed=3   failed=0") || !strings.Contains(out, "host-03  wave 2   ok=0   changed=3   failed=1") {
		t.Error("the gate's failure is not counted on the host")
	}
	if elapsed := time.Since(start); elapsed < 2*time.Second {
		t.Errorf("run took %s: the 1s soak did not happen in each of the two waves", elapsed)
	}
}

// TestPauseConfirm: with pause = "confirm" the operator's answer on the
// terminal decides whether the next wave starts.
func TestPauseConfirm(t *testing.T) {
	f := fleet.Start(t, 2)
	pb := writeFile(t, t.TempDir(), "p.hcl", `
playbook { name = "asks" }
rollout {
  waves = [1]
  pause = "confirm"
}
phase "p" {
  command "mark" {
    run     = "touch /root/done"
    creates = "/root/done"
  }
}
`)
	for _, tt := range []struct {
		answer string
		code   int
		second bool
	}{{"n\n", runner.ExitHalted, false}, {"yes\n", runner.ExitOK, true}} {
		var stdout, stderr bytes.Buffer
		code := Main(runArgs(f, pb), Env{Stdin: strings.NewReader(tt.answer), StdinTerminal: true,
			Stdout: &stdout, Stderr: &stderr, Getenv: testGetenv(t)})
		t.Logf("answer %q: exit %d\n%s%s", tt.answer, code, stdout.String(), stderr.String())
		if code != tt.code {
			t.Errorf("answer %q: exit %d, want %d", tt.answer, code, tt.code)
		}
		if !strings.Contains(stderr.String(), "Start wave 2 of 2 (1 host(s): host-02)? [y/N]") {
			t.Errorf("answer %q: no question asked", tt.answer)
		}
		if _, err := os.Stat(f.Hosts[1].Path("/root/done")); (err == nil) != tt.second {
			t.Errorf("answer %q: second wave ran = %v", tt.answer, err == nil)
		}
	}
}

// TestPauseWaits: pause = "1s" waits between waves, not before the first.
func TestPauseWaits(t *testing.T) {
	f := fleet.Start(t, 3)
	pb := writeFile(t, t.TempDir(), "p.hcl", `
playbook { name = "waits" }
rollout {
  waves = [1]
  pause = "1s"
}
phase "p" {
  command "uptime" { run = "cut -d' ' -f1 /proc/uptime > /root/at" }
}
`)
	code, out := runCLI(t, runArgs(f, pb)...)
	if code != runner.ExitOK || strings.Count(out, "Pausing 1s before wave") != 2 {
		t.Fatalf("exit %d, want two pauses", code)
	}
	var at []float64
	for _, h := range f.Hosts {
		at = append(at, stamp(t, h, "/root/at"))
	}
	if at[1]-at[0] < 0.95 || at[2]-at[1] < 0.95 {
		t.Errorf("waves ran at %v: less than the 1s pause apart", at)
	}
}

// TestHybridRollout: db hosts one at a time, then web hosts in waves, as
// two named rollouts; the hosts' own clocks show the order.
func TestHybridRollout(t *testing.T) {
	f := fleet.Start(t, 6)
	dir := t.TempDir()
	invPath := writeFile(t, dir, "inventory.hcl", fleetInventory(f, nil)+
		`group "db" { hosts = ["host-05", "host-06"] }`+"\n"+
		`group "web" { hosts = ["host-01", "host-02", "host-03", "host-04"] }`+"\n")
	pb := writeFile(t, dir, "hybrid.hcl", `
playbook { name = "hybrid" }

rollout "web" {
  groups = ["web"]
  after  = ["db"]
  waves  = [1, "100%"]
  forks  = 3
}

rollout "db" {
  groups   = ["db"]
  strategy = "serial"
}

phase "work" {
  command "stamp" {
    run = "cut -d' ' -f1 /proc/uptime > /root/start; sleep 0.3; cut -d' ' -f1 /proc/uptime > /root/end"
  }
}
`)
	code, out := runCLI(t, "plan", pb, "-i", invPath)
	if code != 0 || !strings.Contains(out, `Rollout "db": 2, serially`) || !strings.Contains(out, `Rollout "web": 4, in 2 wave(s), 3 at a time`) {
		t.Fatalf("plan: exit %d", code)
	}
	if strings.Index(out, `Rollout "db"`) > strings.Index(out, `Rollout "web"`) {
		t.Error("plan does not put db (which web runs after) first")
	}
	code, _ = runCLI(t, "run", pb, "-i", invPath, "--known-hosts", f.KnownHosts)
	if code != runner.ExitOK {
		t.Fatalf("run: exit %d", code)
	}
	db1, db2 := f.Host("host-05"), f.Host("host-06")
	if stamp(t, db2, "/root/start") < stamp(t, db1, "/root/end") {
		t.Error("the db hosts overlapped: serial means one at a time")
	}
	dbEnd := stamp(t, db2, "/root/end")
	canaryEnd := stamp(t, f.Host("host-01"), "/root/end")
	for _, h := range f.Hosts[:4] {
		if s := stamp(t, h, "/root/start"); s < dbEnd {
			t.Errorf("%s (web) started at %.2f, before db finished at %.2f", h.Name, s, dbEnd)
		}
	}
	for _, h := range f.Hosts[1:4] {
		if s := stamp(t, h, "/root/start"); s < canaryEnd {
			t.Errorf("%s started before the web canary finished", h.Name)
		}
	}

	// A host claimed by two rollouts is refused before anything runs.
	clash := writeFile(t, dir, "clash.hcl", strings.Replace(mustRead(t, pb), `groups   = ["db"]`, `groups   = ["db", "host-01"]`, 1))
	if code, out := runCLI(t, "plan", clash, "-i", invPath); code != runner.ExitUsage || !strings.Contains(out, `host host-01 is in rollout "db" and in rollout "web"`) {
		t.Errorf("a host in two rollouts: exit %d", code)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestHostDependencies: a host starts only after the hosts it depends on
// converged, even in the same wave, and not at all when one failed.
func TestHostDependencies(t *testing.T) {
	f := fleet.Start(t, 4)
	dir := t.TempDir()
	invPath := writeFile(t, dir, "inventory.hcl", fleetInventory(f, map[string]string{
		"host-01": `depends_on = ["host-03"]`,
		"host-02": `depends_on = ["host-04"]`,
	}))
	pb := writeFile(t, dir, "deps.hcl", `
playbook { name = "deps" }
rollout {
  waves    = [4]
  forks    = 4
  max_fail = "100%"
}
phase "work" {
  command "stamp" {
    run = "[ ! -e /etc/rigged ] || exit 1; cut -d' ' -f1 /proc/uptime > /root/start; sleep 0.5; cut -d' ' -f1 /proc/uptime > /root/end"
  }
}
`)
	rig(t, f.Host("host-04"))
	code, out := runCLI(t, "run", pb, "-i", invPath, "--known-hosts", f.KnownHosts)
	if code != runner.ExitFailed {
		t.Errorf("exit %d, want %d (host-04 failed)", code, runner.ExitFailed)
	}
	if s, e := stamp(t, f.Host("host-01"), "/root/start"), stamp(t, f.Host("host-03"), "/root/end"); s < e {
		t.Errorf("host-01 started at %.2f, before host-03 (its dependency) ended at %.2f", s, e)
	}
	if _, err := os.Stat(f.Host("host-02").Path("/root/start")); err == nil {
		t.Error("host-02 ran although its dependency host-04 failed")
	}
	if !strings.Contains(out, "NOT STARTED: it depends on host-04, which ended failed") {
		t.Error("the skipped host's reason is not reported")
	}

	// A dependency the run does not include is refused up front.
	if code, out := runCLI(t, "plan", pb, "-i", invPath, "--limit", "host-01"); code != runner.ExitUsage ||
		!strings.Contains(out, "host host-01 depends on host-03, which this run does not include") {
		t.Errorf("limit without the dependency: exit %d", code)
	}
}

// fleetInventory writes an HCL inventory of f's hosts, with extra
// attributes for some of them, for tests that need more than the fleet's
// own inventory says.
func fleetInventory(f *fleet.Fleet, extra map[string]string) string {
	var inv strings.Builder
	fmt.Fprintf(&inv, "defaults {\n  user = %q\n  port = %d\n  identity_file = %q\n}\n", f.User, f.Hosts[0].Port, f.IdentityFile)
	for _, h := range f.Hosts {
		fmt.Fprintf(&inv, "host %q {\n  address = %q\n  %s\n}\n", h.Name, h.Address, extra[h.Name])
	}
	return inv.String()
}

// stamp reads a time a step wrote on a host from /proc/uptime: the hosts
// share the controller's kernel, so their stamps compare directly.
func stamp(t *testing.T, h *fleet.Host, file string) float64 {
	t.Helper()
	b, err := os.ReadFile(h.Path(file))
	if err != nil {
		t.Fatalf("%s: %v", h.Name, err)
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
	if err != nil {
		t.Fatalf("%s: %s: %v", h.Name, file, err)
	}
	return v
}
