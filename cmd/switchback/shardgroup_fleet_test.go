package main

// Shard groups on the local fleet: three real switchback processes share
// a real PostgreSQL server (internal/pgtest) and drive 30 hosts as one
// run. What happened is read from the hosts' filesystems, the shards'
// output and the shared store.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/pgtest"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/snapshot"
	"github.com/switchbackhq/switchback/runner/state"
)

// lockedBuffer is a process's output, readable while it runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// controller is one switchback process.
type controller struct {
	name string
	cmd  *exec.Cmd
	out  *lockedBuffer
	done chan struct{}
	code int
}

func startController(t *testing.T, name string, env []string, args ...string) *controller {
	t.Helper()
	c := &controller{name: name, cmd: exec.Command(binary(t), args...), out: &lockedBuffer{}, done: make(chan struct{})}
	c.cmd.Env = append(append(os.Environ(), "XDG_STATE_HOME="+stateDir(t)), env...)
	c.cmd.Stdout, c.cmd.Stderr = c.out, c.out
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		err := c.cmd.Wait()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit):
			c.code = exit.ExitCode()
		case err != nil:
			c.code = -1
		}
		close(c.done)
	}()
	t.Cleanup(func() {
		c.cmd.Process.Kill()
		<-c.done
	})
	return c
}

// wait waits for the process to end and returns its exit code.
func (c *controller) wait(t *testing.T) int {
	t.Helper()
	select {
	case <-c.done:
	case <-time.After(3 * time.Minute):
		c.cmd.Process.Kill()
		<-c.done
		t.Fatalf("%s did not end within 3 minutes:\n%s", c.name, c.out.String())
	}
	t.Logf("%s → exit %d\n%s", c.name, c.code, c.out.String())
	return c.code
}

// startShards starts n controllers of one shard group.
func startShards(t *testing.T, f *fleet.Fleet, url, group, pb string, n int, extra ...string) []*controller {
	t.Helper()
	var shards []*controller
	for i := 1; i <= n; i++ {
		args := runArgs(f, pb, append([]string{"--shard-group", group, "--shard", fmt.Sprintf("%d/%d", i, n)}, extra...)...)
		shards = append(shards, startController(t, fmt.Sprintf("shard %d/%d", i, n), []string{"SWITCHBACK_STATE=" + url}, args...))
	}
	return shards
}

var recapLine = regexp.MustCompile(`(?m)^(host-\d+)\s+wave (\d+)\s+ok=`)

// owners reads from each shard's recap which hosts it drove.
func owners(t *testing.T, shards []*controller) map[string]int {
	t.Helper()
	owner := map[string]int{}
	for i, c := range shards {
		out := c.out.String()
		recap := out[strings.LastIndex(out, "RECAP"):]
		for _, m := range recapLine.FindAllStringSubmatch(recap, -1) {
			if prev, ok := owner[m[1]]; ok {
				t.Errorf("%s is in the recaps of shards %d and %d", m[1], prev, i+1)
			}
			owner[m[1]] = i + 1
		}
	}
	return owner
}

// clean takes every host back to before any test of this file.
func clean(t *testing.T, f *fleet.Fleet) {
	t.Helper()
	for _, h := range f.Hosts {
		for _, p := range []string{"/root/started", "/root/done", "/root/count", "/root/b-ran", "/etc/sharded", "/etc/broken",
			runner.JournalDir, snapshot.Dir} {
			if err := os.RemoveAll(h.Path(p)); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func mtime(t *testing.T, path string) time.Time {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatalf("%v", err)
	}
	return st.ModTime()
}

func readHosts(t *testing.T, url, runID string) []state.Host {
	t.Helper()
	st, err := state.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hosts, err := st.Hosts(context.Background(), runID)
	if err != nil {
		t.Fatal(err)
	}
	return hosts
}

// newestRun is the id of the newest run in the store at url.
func newestRun(t *testing.T, url string) string {
	t.Helper()
	st, err := state.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	runs, err := st.Runs(context.Background(), 1)
	if err != nil || len(runs) == 0 {
		t.Fatalf("no run recorded: %v", err)
	}
	return runs[0].ID
}

var runIDOf = regexp.MustCompile(`of run (\S+) recorded`)

func groupRunID(t *testing.T, out string) string {
	t.Helper()
	m := runIDOf.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no run id in:\n%s", out)
	}
	return m[1]
}

// TestShardGroups runs three controllers as one run on 30 hosts.
func TestShardGroups(t *testing.T) {
	f := fleet.Start(t, 30)
	pgtest.New(t) // skip or fail here, before the subtests, without PostgreSQL
	t.Run("OneCanaryAndBarriers", func(t *testing.T) { clean(t, f); testOneCanaryAndBarriers(t, f) })
	t.Run("FleetWideBudgetHaltsEveryShard", func(t *testing.T) { clean(t, f); testFleetWideBudget(t, f) })
	t.Run("KilledShardTakenOver", func(t *testing.T) { clean(t, f); testKilledShardTakenOver(t, f) })
	t.Run("LeasesRefuseACompetingRun", func(t *testing.T) { clean(t, f); testLeasesRefuseACompetingRun(t, f) })
	t.Run("SharedHistoryFromAnyController", func(t *testing.T) { clean(t, f); testSharedHistory(t, f) })
}

const canaryPlaybook = `
playbook { name = "sharded" }
rollout {
  waves = [1, "20%", "100%"]
  forks = 3
}
phase "work" {
  command "mark" { run = "touch /root/started; sleep 0.3; touch /root/done" }
}
`

// testOneCanaryAndBarriers: the waves are the fleet's (1, 6 and 23 hosts
// of 30), the canary runs on one host of one shard, every later wave is
// split across the three shards, and no host of a wave starts before
// every host of the wave before it finished, whichever shard had it.
func testOneCanaryAndBarriers(t *testing.T, f *fleet.Fleet) {
	url := pgtest.New(t)
	pb := writeFile(t, t.TempDir(), "sharded.hcl", canaryPlaybook)
	shards := startShards(t, f, url, "canary", pb, 3)
	for _, c := range shards {
		if code := c.wait(t); code != runner.ExitOK {
			t.Fatalf("%s: exit %d", c.name, code)
		}
	}
	canaries := 0
	for _, c := range shards {
		out := c.out.String()
		if strings.Contains(out, "Wave 1/3 (canary): 1 host(s) fleet-wide, 1 of them here") {
			canaries++
		} else if !strings.Contains(out, "Wave 1/3 (canary): 1 host(s) fleet-wide, none of them here") {
			t.Errorf("%s does not say whether the canary is its own", c.name)
		}
		for _, want := range []string{"Wave 2/3: 6 host(s) fleet-wide, 2 of them here", "Wave 3/3: 23 host(s) fleet-wide",
			"Whole fleet (3 shards): 30 host(s): 30 ok"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %q", c.name, want)
			}
		}
	}
	if canaries != 1 {
		t.Errorf("%d shards ran a canary, want exactly one", canaries)
	}

	runID := groupRunID(t, shards[0].out.String())
	owner := owners(t, shards)
	if len(owner) != 30 {
		t.Errorf("the recaps cover %d hosts, want all 30 once", len(owner))
	}
	waves := map[int][]string{}
	for _, h := range readHosts(t, url, runID) {
		waves[h.Wave] = append(waves[h.Wave], h.Host)
		if h.Status != string(runner.HostOK) {
			t.Errorf("%s recorded %s", h.Host, h.Status)
		}
	}
	if len(waves[1]) != 1 || len(waves[2]) != 6 || len(waves[3]) != 23 {
		t.Fatalf("wave sizes recorded: %d, %d, %d; want 1, 6, 23", len(waves[1]), len(waves[2]), len(waves[3]))
	}
	for w := 2; w <= 3; w++ {
		inWave := map[int]bool{}
		for _, h := range waves[w] {
			inWave[owner[h]] = true
		}
		if len(inWave) != 3 {
			t.Errorf("wave %d ran on shards %v, want all three", w, inWave)
		}
	}
	// Barriers, read from the hosts: the first host of a wave started
	// after the last host of the wave before finished.
	for w := 2; w <= 3; w++ {
		var lastDone time.Time
		var last string
		for _, h := range waves[w-1] {
			if d := mtime(t, f.Host(h).Path("/root/done")); d.After(lastDone) {
				lastDone, last = d, h
			}
		}
		for _, h := range waves[w] {
			if s := mtime(t, f.Host(h).Path("/root/started")); s.Before(lastDone) {
				t.Errorf("%s (wave %d, shard %d) started %s before %s (wave %d, shard %d) finished",
					h, w, owner[h], lastDone.Sub(s), last, w-1, owner[last])
			}
		}
	}
}

const budgetPlaybook = `
playbook { name = "budget" }
rollout {
  waves          = [1, "100%"]
  forks          = 2
  max_fail       = "100%"
  max_fail_total = 2
  rollback       = "run"
}
snapshot { paths = ["/etc/sharded"] }
phase "work" {
  command "change" {
    run     = "mkdir -p /etc/sharded && touch /etc/sharded/changed"
    creates = "/etc/sharded/changed"
  }
  command "verify" { run = "sleep 0.5; [ ! -e /etc/broken ]" }
}
`

// testFleetWideBudget: three broken hosts, one in each shard, each within
// its shard's share of max_fail_total = 2 but 3 fleet-wide: every shard
// halts, starts no more hosts, and rollback = "run" restores every host
// any shard changed.
func testFleetWideBudget(t *testing.T, f *fleet.Fleet) {
	url := pgtest.New(t)
	pb := writeFile(t, t.TempDir(), "budget.hcl", budgetPlaybook)
	// Hosts are dealt round the shards in run order (host-01 is the
	// canary, shard 1's): host-04, -05 and -06 fall to shards 1, 2, 3.
	broken := []string{"host-04", "host-05", "host-06"}
	for _, h := range broken {
		writeFile(t, f.Host(h).Path("/etc"), "broken", "")
	}
	shards := startShards(t, f, url, "budget", pb, 3)
	for _, c := range shards {
		if code := c.wait(t); code != runner.ExitHalted {
			t.Errorf("%s: exit %d, want %d (halted)", c.name, code, runner.ExitHalted)
		}
		out := c.out.String()
		if !strings.Contains(out, "3 of 30 host(s) in the run failed or were unreachable, more than max_fail_total 2 tolerates (2)") {
			t.Errorf("%s: the fleet-wide reason for the halt is missing", c.name)
		}
		if !regexp.MustCompile(`\d+ host\(s\): .*, [1-9]\d* not started`).MatchString(out) {
			t.Errorf("%s started every one of its hosts: the halt did not stop it", c.name)
		}
	}
	owner := owners(t, shards)
	if owner["host-04"] == owner["host-05"] || owner["host-05"] == owner["host-06"] || owner["host-04"] == owner["host-06"] {
		t.Fatalf("the broken hosts are not one per shard: %v", map[string]int{"host-04": owner["host-04"], "host-05": owner["host-05"], "host-06": owner["host-06"]})
	}
	runID := groupRunID(t, shards[0].out.String())
	restored := map[int]int{}
	for _, h := range readHosts(t, url, runID) {
		if h.Snapshot != "" {
			if !h.RolledBack {
				t.Errorf("%s (shard %d) was changed and not rolled back", h.Host, owner[h.Host])
			}
			restored[owner[h.Host]]++
		}
	}
	for i := 1; i <= 3; i++ {
		if restored[i] == 0 {
			t.Errorf("shard %d rolled back none of its hosts", i)
		}
	}
	for _, h := range f.Hosts {
		if _, err := os.Stat(h.Path("/etc/sharded/changed")); err == nil {
			t.Errorf("%s (shard %d) keeps the run's change after the rollback", h.Name, owner[h.Name])
		}
	}
}

const countingShardsPlaybook = `
playbook { name = "counting" }
rollout {
  waves = [1, "30%", "100%"]
  forks = 2
}
phase "work" {
  command "count one" { run = "echo one >> /root/count" }
  command "nap"       { run = "sleep 1" }
  command "count two" { run = "echo two >> /root/count" }
}
`

// testKilledShardTakenOver: shard 2 is killed (SIGKILL) in the middle of
// wave 2. The other shards finish the wave and wait; the store shows
// shard 2 dead and they say how to take it over; run --resume from
// another controller takes its hosts over, and the three finish the run
// together, with no step run twice on any host.
func testKilledShardTakenOver(t *testing.T, f *fleet.Fleet) {
	url := pgtest.New(t)
	pb := writeFile(t, t.TempDir(), "count.hcl", countingShardsPlaybook)
	shards := startShards(t, f, url, "killed", pb, 3)
	// host-02 is shard 2's first host of wave 2 (host-01 is the canary).
	deadline := time.Now().Add(time.Minute)
	for !fileContains(t, f.Host("host-02").Path("/root/count"), "one") {
		if time.Now().After(deadline) {
			t.Fatal("shard 2 never started wave 2")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := shards[1].cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	shards[1].wait(t)

	// The others wait at the end of wave 2, naming the dead shard.
	waiting := "2/3 (its controller root on"
	for _, c := range []*controller{shards[0], shards[2]} {
		for !strings.Contains(c.out.String(), waiting) || !strings.Contains(c.out.String(), "take its hosts over with 'switchback run --resume") {
			select {
			case <-c.done:
				t.Fatalf("%s ended without shard 2:\n%s", c.name, c.out.String())
			case <-time.After(50 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s does not say it waits for the dead shard:\n%s", c.name, c.out.String())
			}
		}
	}
	runID := newestRun(t, url)
	code, show := runCLI(t, "runs", "show", runID, "--state", url)
	if code != 0 || !regexp.MustCompile(`2/3\s+root on \S+ \(pid \d+\)\s+1\s+DEAD`).MatchString(show) {
		t.Errorf("runs show does not show shard 2 dead after wave 1")
	}
	if _, list := runCLI(t, "runs", "list", "--state", url); !strings.Contains(list, "DEAD: 2/3") {
		t.Errorf("runs list does not show the dead shard")
	}

	code, out := runCLI(t, "run", "--resume", runID, "--state", url)
	if code != runner.ExitOK || !strings.Contains(out, "Taking over shard 2/3 of run "+runID) {
		t.Errorf("the takeover exited %d", code)
	}
	for _, c := range []*controller{shards[0], shards[2]} {
		if code := c.wait(t); code != runner.ExitOK {
			t.Errorf("%s: exit %d", c.name, code)
		}
	}
	for _, h := range f.Hosts {
		if got := mustRead(t, h.Path("/root/count")); got != "one\ntwo\n" {
			t.Errorf("%s: /root/count = %q, want each step once", h.Name, got)
		}
	}
	if code, show := runCLI(t, "runs", "show", runID, "--state", url); code != 0 || strings.Count(show, "finished, exit 0") != 3 {
		t.Errorf("runs show after the takeover: every shard should have finished")
	}
}

const leasePlaybook = `
playbook { name = "%s" }
rollout {
  strategy = "waves"
  waves    = ["100%%"]
  forks    = 10
}
phase "work" {
  command "mark" { run = "touch /root/%s; sleep %s" }
}
`

// testLeasesRefuseACompetingRun: while a run holds host-01..10, a second
// run asking for host-08..15 is refused before it contacts any host,
// naming the first run and its operator; once the first run ended, the
// second goes through.
func testLeasesRefuseACompetingRun(t *testing.T, f *fleet.Fleet) {
	url := pgtest.New(t)
	dir := t.TempDir()
	first := writeFile(t, dir, "first.hcl", fmt.Sprintf(leasePlaybook, "first", "started", "4"))
	second := writeFile(t, dir, "second.hcl", fmt.Sprintf(leasePlaybook, "second", "b-ran", "0"))
	a := startController(t, "first run", []string{"SWITCHBACK_STATE=" + url, "SWITCHBACK_OPERATOR=alice"},
		runArgs(f, first, "--limit", "~^host-(0[1-9]|10)$")...)
	deadline := time.Now().Add(time.Minute)
	for _, err := os.Stat(f.Host("host-01").Path("/root/started")); err != nil; _, err = os.Stat(f.Host("host-01").Path("/root/started")) {
		if time.Now().After(deadline) {
			t.Fatalf("the first run never started:\n%s", a.out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}

	secondArgs := append(runArgs(f, second, "--limit", "~^host-(0[89]|1[0-5])$"), "--state", url)
	code, out := runCLI(t, secondArgs...)
	if code != runner.ExitUsage {
		t.Errorf("the second run: exit %d, want %d (refused before anything ran)", code, runner.ExitUsage)
	}
	if !regexp.MustCompile(`host-08, host-09, host-10 are leased by run \S+, started by alice on \S+ \(pid \d+\)`).MatchString(out) {
		t.Errorf("the refusal does not name the hosts, the run and its operator")
	}
	if strings.Contains(out, "locked by") {
		t.Error("the second run reached the hosts' own locks: it connected")
	}
	for _, h := range f.Hosts[7:15] {
		if _, err := os.Stat(h.Path("/root/b-ran")); err == nil {
			t.Errorf("%s was changed by the refused run", h.Name)
		}
	}
	if code := a.wait(t); code != runner.ExitOK {
		t.Fatalf("the first run: exit %d", code)
	}
	if code, _ := runCLI(t, secondArgs...); code != runner.ExitOK {
		t.Errorf("the second run after the first ended: exit %d", code)
	}
	for _, h := range f.Hosts[7:15] {
		if _, err := os.Stat(h.Path("/root/b-ran")); err != nil {
			t.Errorf("%s: the second run did not run once the first had ended", h.Name)
		}
	}
	if slices.ContainsFunc(f.Hosts[:7], func(h *fleet.Host) bool { _, err := os.Stat(h.Path("/root/b-ran")); return err == nil }) {
		t.Error("the second run changed hosts outside its limit")
	}
}

const historyPlaybook = `
playbook { name = "history" }
snapshot { paths = ["/etc/sharded"] }
phase "work" {
  command "change" {
    run     = "mkdir -p /etc/sharded && touch /etc/sharded/changed"
    creates = "/etc/sharded/changed"
  }
}
`

// testSharedHistory: what one controller recorded in the shared store,
// another controller (its own state directory, nothing but
// SWITCHBACK_STATE in common) lists, shows, compares scans with and
// rolls back.
func testSharedHistory(t *testing.T, f *fleet.Fleet) {
	url := pgtest.New(t)
	pb := writeFile(t, t.TempDir(), "history.hcl", historyPlaybook)
	limit := []string{"--limit", "host-01,host-02,host-03"}
	controller := func(name, operator string) func(args ...string) (int, string) {
		env := []string{"SWITCHBACK_STATE=" + url, "SWITCHBACK_OPERATOR=" + operator, "XDG_STATE_HOME=" + t.TempDir()}
		return func(args ...string) (int, string) {
			c := startController(t, name, env, args...)
			return c.wait(t), c.out.String()
		}
	}
	alice, bob := controller("alice's controller", "alice"), controller("bob's controller", "bob")

	if code, _ := alice(runArgs(f, pb, limit...)...); code != runner.ExitOK {
		t.Fatalf("alice's run: exit %d", code)
	}
	if code, _ := alice("scan", "-i", f.Inventory, "--known-hosts", f.KnownHosts, "--limit", "host-01,host-02"); code != 0 {
		t.Fatalf("alice's scan: exit %d", code)
	}
	runID := newestRun(t, url)

	if _, out := bob("runs", "list"); !regexp.MustCompile(regexp.QuoteMeta(runID) + `\s+history\s+.*\s3\s+alice@\S+\s+exit 0`).MatchString(out) {
		t.Errorf("bob's runs list does not show alice's run")
	}
	if _, out := bob("runs", "show", runID); !strings.Contains(out, "by alice@") || strings.Count(out, "snapshot kept") != 3 {
		t.Errorf("bob's runs show does not show alice's run with its 3 snapshots")
	}
	if _, out := bob("snapshots", "list"); len(regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(runID)+`\s+host-0[123]\s.*\skept$`).FindAllString(out, -1)) != 3 {
		t.Errorf("bob's snapshots list does not list the 3 snapshots of alice's run")
	}
	st, err := state.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	scans, err := st.ScanHistory(context.Background(), 1)
	st.Close()
	if err != nil || len(scans) != 1 {
		t.Fatalf("alice's scan is not in the store: %v, %v", scans, err)
	}
	if _, out := bob("scan", "-i", f.Inventory, "--known-hosts", f.KnownHosts, "--limit", "host-01,host-02", "--compare", "last"); !strings.Contains(out, "Compared with scan "+scans[0].ID) {
		t.Errorf("bob's scan --compare last did not compare with alice's scan %s", scans[0].ID)
	}
	if code, out := bob("rollback", runID, "-i", f.Inventory, "--known-hosts", f.KnownHosts); code != 0 || strings.Count(out, "ROLLED BACK") != 3 {
		t.Errorf("bob's rollback of alice's run: exit %d", code)
	}
	for _, h := range f.Hosts[:3] {
		if _, err := os.Stat(h.Path("/etc/sharded/changed")); err == nil {
			t.Errorf("%s keeps alice's change after bob's rollback", h.Name)
		}
	}
	if _, out := alice("runs", "show", runID); strings.Count(out, "rolled back") != 3 {
		t.Errorf("alice does not see bob's rollback")
	}
}
