// Package steptest runs playbooks against a test fleet the way `switchback
// run` does, and gives the tests of step types the events that `--output
// json` prints: step types are tested by what a run reports and by what
// the hosts' filesystems hold afterwards, not by console text.
//
// Its harness is check → apply → check: a check run plans the changes
// and touches nothing, a run makes them, and a second check finds
// nothing left to do.
package steptest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/report"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/snapshot"
	"github.com/switchbackhq/switchback/runner/transport"
)

// Event is one line of `switchback run --output json`, as much of it as
// tests of step types look at.
type Event struct {
	Event  string `json:"event"`
	Host   string `json:"host"`
	Phase  string `json:"phase"`
	Step   string `json:"step"`
	Type   string `json:"type"`
	Status string `json:"status"`
	Diff   string `json:"diff"`
	Error  string `json:"error"`
	// ExitCode is the run_finished event's; Hosts (names, or on
	// run_finished each host's recap) is read by Run.Recap.
	ExitCode int             `json:"exit_code"`
	Hosts    json.RawMessage `json:"hosts"`
}

// HostRecap is a host's line in the run_finished event.
type HostRecap struct {
	Host    string `json:"host"`
	Status  string `json:"status"`
	OK      int    `json:"ok"`
	Changed int    `json:"changed"`
	Failed  int    `json:"failed"`
	Error   string `json:"error"`
}

// Run is what one run reported.
type Run struct {
	Events []Event
	// ExitCode is the run's exit code (runner.ExitOK, ...).
	ExitCode int
}

// Options change how a playbook runs.
type Options struct {
	Check bool
	// Limit are --limit patterns; none runs every host the playbook targets.
	Limit []string
}

// Exec runs the playbook at path on f's hosts through the engine, with
// the CLI's defaults, and returns the events it reported as JSON.
func Exec(t testing.TB, f *fleet.Fleet, path string, opts Options) *Run {
	t.Helper()
	parser := hclparse.NewParser()
	l := &playbooks.Loader{Parser: parser, Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
	pb, diags := l.Load(path, nil)
	if diags.HasErrors() {
		t.Fatalf("loading %s: %s", path, diags.Error())
	}
	inv, diags := inventory.Load(parser, f.Inventory)
	if diags.HasErrors() {
		t.Fatalf("loading %s: %s", f.Inventory, diags.Error())
	}
	hosts, _, err := inv.Select(pb.Hosts)
	if err == nil && len(opts.Limit) > 0 {
		hosts, _, err = inv.Limit(hosts, opts.Limit)
	}
	if err != nil {
		t.Fatal(err)
	}
	segs, err := runner.PlanSegments(pb, hosts, func(r rollout.Route) (rollout.Route, error) { return r.Resolve(), nil })
	if err != nil {
		t.Fatal(err)
	}
	dialer, err := transport.NewSSH(transport.SSHOptions{KnownHostsFile: f.KnownHosts, ConnectTimeout: 5 * time.Second, MaxSessions: 10})
	if err != nil {
		t.Fatal(err)
	}
	defer dialer.Close()
	var out bytes.Buffer
	engine := &runner.Engine{
		Dialer:         dialer,
		Observer:       &report.JSON{Out: &out},
		CheckMode:      opts.Check,
		CommandTimeout: 10 * time.Minute,
		RunID:          runID(),
		Secrets:        append(pb.SensitiveValues(), inv.Secrets...),
		Snapshots:      runner.Snapshots(pb, segs, false),
	}
	recap := engine.RunSegments(context.Background(), pb, segs)
	t.Logf("run %s (check %v):\n%s", path, opts.Check, out.String())
	r := &Run{ExitCode: recap.ExitCode()}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var ev Event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("an event that is not JSON: %v\n%s", err, sc.Text())
		}
		r.Events = append(r.Events, ev)
	}
	var last Event
	if len(r.Events) > 0 {
		last = r.Events[len(r.Events)-1]
	}
	var hostRecaps []HostRecap
	if last.Event != "run_finished" || last.ExitCode != r.ExitCode || json.Unmarshal(last.Hosts, &hostRecaps) != nil {
		t.Fatalf("the run's last event is not its run_finished with exit code %d and a recap", r.ExitCode)
	}
	return r
}

func runID() string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return time.Now().UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

// Apply runs the playbook and fails the test unless the run succeeds.
func Apply(t testing.TB, f *fleet.Fleet, path string, limit ...string) *Run {
	t.Helper()
	return ok(t, Exec(t, f, path, Options{Limit: limit}))
}

// Check runs the playbook in check mode and fails the test unless it
// succeeds.
func Check(t testing.TB, f *fleet.Fleet, path string, limit ...string) *Run {
	t.Helper()
	return ok(t, Exec(t, f, path, Options{Check: true, Limit: limit}))
}

func ok(t testing.TB, r *Run) *Run {
	t.Helper()
	if r.ExitCode != runner.ExitOK {
		t.Fatalf("exit %d, want 0: %s", r.ExitCode, r.Errors())
	}
	return r
}

// Converge is the harness: a check run that plans changed changes and
// leaves every host's disk as it was (Fingerprint), a run that makes
// them, and a check run that finds nothing left to do. It returns the
// first two.
func Converge(t testing.TB, f *fleet.Fleet, path string, changed int) (plan, applied *Run) {
	t.Helper()
	plan = CheckLeaves(t, f, path)
	plan.WantChanged(t, changed)
	applied = Apply(t, f, path)
	applied.WantChanged(t, changed)
	again := Check(t, f, path)
	again.WantChanged(t, 0)
	for _, ev := range again.Steps() {
		if ev.Status != "ok" && ev.Status != "skipped" {
			t.Errorf("after the run, step %q plans %s: %s%s", ev.Step, ev.Status, ev.Diff, ev.Error)
		}
	}
	return plan, applied
}

// CheckLeaves runs the playbook in check mode and fails the test if
// anything on the disk of a host it ran on changed.
func CheckLeaves(t testing.TB, f *fleet.Fleet, path string, limit ...string) *Run {
	t.Helper()
	before := map[string]map[string]string{}
	for _, h := range f.Hosts {
		before[h.Name] = Fingerprint(t, h)
	}
	r := Check(t, f, path, limit...)
	for _, h := range f.Hosts {
		if d := FingerprintDiff(before[h.Name], Fingerprint(t, h)); len(d) > 0 {
			t.Errorf("a check run changed %s:\n%s", h.Name, strings.Join(d, "\n"))
		}
	}
	return r
}

// Steps are the run's step_finished events.
func (r *Run) Steps() []Event {
	var out []Event
	for _, ev := range r.Events {
		if ev.Event == "step_finished" {
			out = append(out, ev)
		}
	}
	return out
}

// Step is the step_finished event of the named step, "step" or "phase /
// step" (of the only host, or the first that ran it); the test fails
// without one.
func (r *Run) Step(t testing.TB, name string) Event {
	t.Helper()
	for _, ev := range r.Steps() {
		if ev.Step == name || ev.Phase+" / "+ev.Step == name {
			return ev
		}
	}
	t.Fatalf("no step %q in the run", name)
	return Event{}
}

// Recap is the run_finished event's hosts.
func (r *Run) Recap() []HostRecap {
	var hosts []HostRecap
	_ = json.Unmarshal(r.Events[len(r.Events)-1].Hosts, &hosts) // checked when the run was read
	return hosts
}

// Counts adds up the recap's ok and changed steps over the hosts.
func (r *Run) Counts() (ok, changed int) {
	for _, h := range r.Recap() {
		ok += h.OK
		changed += h.Changed
	}
	return ok, changed
}

// WantChanged fails the test unless the run changed (or, in check mode,
// would change) want steps.
func (r *Run) WantChanged(t testing.TB, want int) {
	t.Helper()
	if _, changed := r.Counts(); changed != want {
		t.Errorf("changed=%d, want %d", changed, want)
	}
}

// Said is every diff and error the run's events carry, for what a step
// said rather than which step said it.
func (r *Run) Said() string {
	var b strings.Builder
	for _, ev := range r.Events {
		b.WriteString(ev.Diff)
		b.WriteString("\n")
		b.WriteString(ev.Error)
		b.WriteString("\n")
	}
	return b.String()
}

// Errors lists the errors of the run's events.
func (r *Run) Errors() string {
	var errs []string
	for _, ev := range r.Events {
		if ev.Error != "" {
			errs = append(errs, fmt.Sprintf("%s %s %q: %s", ev.Event, ev.Host, ev.Step, ev.Error))
		}
	}
	return strings.Join(errs, "\n")
}

// WantSaid fails the test unless each of wants is in a diff or an error
// of the run.
func (r *Run) WantSaid(t testing.TB, wants ...string) {
	t.Helper()
	said := r.Said()
	for _, w := range wants {
		if !strings.Contains(said, w) {
			t.Errorf("no event says %q", w)
		}
	}
}

// Fingerprint describes every file of a host's root: type, mode, owner,
// and content hash or link target. Left out are what the kernel and
// processes own (/proc, /dev, /tmp, /run other than OpenRC's service
// state) and where snapshots themselves are kept.
func Fingerprint(t testing.TB, h *fleet.Host) map[string]string {
	t.Helper()
	skip := map[string]bool{"proc": true, "dev": true, "tmp": true, "var/lib/switchback": true, "var/cache": true, "mnt/repo": true}
	fp := map[string]string{}
	err := filepath.WalkDir(h.Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(h.Root, p)
		if skip[rel] || (strings.HasPrefix(rel, "run/") && !strings.HasPrefix(rel, "run/openrc/started")) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		st := info.Sys().(*syscall.Stat_t)
		desc := fmt.Sprintf("%v %d:%d", info.Mode(), st.Uid, st.Gid)
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			desc += " -> " + target
		case info.Mode().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(b)
			desc += " " + hex.EncodeToString(sum[:8])
		}
		fp[rel] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fp
}

// FingerprintDiff lists what differs between two fingerprints.
func FingerprintDiff(before, after map[string]string) []string {
	var diffs []string
	for p, b := range before {
		if a, ok := after[p]; !ok {
			diffs = append(diffs, "missing "+p)
		} else if a != b {
			diffs = append(diffs, fmt.Sprintf("changed %s: %s -> %s", p, b, a))
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, "added "+p)
		}
	}
	sort.Strings(diffs)
	return diffs
}

// DiskState describes paths inside a host (kind, mode, owner, content or
// link target), to show that a run left them alone.
func DiskState(t testing.TB, h *fleet.Host, paths ...string) map[string]string {
	t.Helper()
	s := map[string]string{}
	for _, p := range paths {
		fi, err := os.Lstat(h.Path(p))
		if err != nil {
			s[p] = "absent"
			continue
		}
		st := fi.Sys().(*syscall.Stat_t)
		desc := fmt.Sprintf("%v %d:%d", fi.Mode(), st.Uid, st.Gid)
		switch {
		case fi.Mode()&os.ModeSymlink != 0:
			target, _ := os.Readlink(h.Path(p))
			desc += " → " + target
		case fi.Mode().IsRegular():
			b, _ := os.ReadFile(h.Path(p))
			desc += " " + string(b)
		}
		s[p] = desc
	}
	return s
}

// SameDiskState fails the test where after differs from before.
func SameDiskState(t testing.TB, before, after map[string]string) {
	t.Helper()
	for p, b := range before {
		if after[p] != b {
			t.Errorf("a check run changed %s:\nbefore: %q\nafter:  %q", p, b, after[p])
		}
	}
}

// Write writes a file (a playbook, say) into dir and returns its path.
func Write(t testing.TB, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// StatOf is the file information of a path, not following a link.
func StatOf(t testing.TB, path string) (os.FileInfo, *syscall.Stat_t) {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi, fi.Sys().(*syscall.Stat_t)
}

// NoTempFiles checks that atomic writes left nothing behind in dirs.
func NoTempFiles(t testing.TB, h *fleet.Host, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		entries, _ := os.ReadDir(h.Path(d))
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".switchback.") {
				t.Errorf("temporary file left in %s: %s", d, e.Name())
			}
		}
	}
}

// HCLString writes s as an HCL string literal that reads back as s
// exactly: escapes for quotes, backslashes and control characters, and
// "$${" and "%%{" so that no template sequence is read.
func HCLString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case (c == '$' || c == '%') && i+1 < len(s) && s[i+1] == '{':
			b.WriteByte(c)
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// DaemonPids lists the fleet's sb-daemon processes running inside the
// host. The daemon is a shell script: the child it forks to run date
// shows its parent's arguments until it execs, so children of a daemon
// are not counted as daemons of their own.
func DaemonPids(t testing.TB, f *fleet.Fleet, h *fleet.Host) map[string]string {
	t.Helper()
	out, err := f.Exec(h.Name, "ps -o pid,ppid,args")
	if err != nil {
		t.Fatal(err)
	}
	pids, parents := map[string]string{}, map[string]string{}
	for _, l := range strings.Split(out, "\n") {
		fields := strings.Fields(l)
		if len(fields) < 3 {
			continue
		}
		if args := strings.Join(fields[2:], " "); strings.Contains(args, "/bin/sh /usr/bin/sb-daemon") {
			pids[fields[0]], parents[fields[0]] = args, fields[1]
		}
	}
	for pid, parent := range parents {
		if _, child := pids[parent]; child {
			delete(pids, pid)
		}
	}
	return pids
}

// OnlyDaemon is the pid of the one sb-daemon running on the host, which
// must have been started with wantArg.
func OnlyDaemon(t testing.TB, f *fleet.Fleet, h *fleet.Host, wantArg string) string {
	t.Helper()
	pids := DaemonPids(t, f, h)
	if len(pids) != 1 {
		t.Fatalf("%d sb-daemon processes run, want 1: %v", len(pids), pids)
	}
	for pid, args := range pids {
		if !strings.HasSuffix(args, "/usr/bin/sb-daemon "+wantArg) {
			t.Errorf("sb-daemon runs as %q, want its argument %s", args, wantArg)
		}
		return pid
	}
	return ""
}

// WantStep fails the test unless the named step finished with status
// ("ok", "changed", "failed", "skipped") and its diff holds each of
// diffs.
func (r *Run) WantStep(t testing.TB, name, status string, diffs ...string) {
	t.Helper()
	ev := r.Step(t, name)
	if ev.Status != status {
		t.Errorf("step %q: %s, want %s (%s)", name, ev.Status, status, ev.Error)
	}
	for _, d := range diffs {
		if !strings.Contains(ev.Diff, d) {
			t.Errorf("step %q: its diff lacks %q:\n%s", name, d, ev.Diff)
		}
	}
}
