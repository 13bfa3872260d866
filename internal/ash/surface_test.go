package ash

// TestSurface runs every generated probe of bash's surface under the
// /bin/sh of a fleet host (BusyBox ash) and under the controller's bash,
// derives each construct's severity from what happened, and checks it
// against testdata/surface.json (with -update, rewrites that file). All
// the probes go to the host in one directory and run there in one SSH
// command.

import (
	"bytes"
	"encoding/json"
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
)

// surfaceBase is where the probes run, the same path on both sides.
const surfaceBase = "/tmp/switchback-ash-surface"

// surfaceRunner runs the probes under the host's ash, two at a time, each
// in its own empty directory with a clean environment and a time limit.
const surfaceRunner = `base=` + surfaceBase + `
cd "$base" || exit 1
run() {
	while read -r n; do
		mkdir -p "work/$n" "out/$n"
		(cd "work/$n" && exec env -i ` + cleanPath + ` timeout -s KILL 5 /bin/sh "$base/scripts/$n" </dev/null >"$base/out/$n/stdout" 2>"$base/out/$n/stderr")
		echo $? >"$base/out/$n/exit"
	done
}
ls scripts | awk 'NR % 2 == 0' | run &
ls scripts | awk 'NR % 2 == 1' | run
wait
# what a killed probe left running in its directory goes too
for p in /proc/[0-9]*; do
	case $(readlink "$p/cwd" 2>/dev/null) in "$base"/work/*) kill -9 "${p#/proc/}" 2>/dev/null;; esac
done
exit 0
`

// probeName is the file name of the i-th probe.
func probeName(i int) string { return fmt.Sprintf("p%04d", i) }

// runSurface runs the probes on both sides and returns the outcomes in
// the order of the probes.
func runSurface(t *testing.T, f *fleet.Fleet, probes []surfaceProbe) (ashOut, bashOut []Outcome) {
	t.Helper()
	h := f.Hosts[0]
	hostBase := h.Path(surfaceBase)
	for _, dir := range []string{hostBase, surfaceBase} {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "scripts"), 0o755); err != nil {
			t.Fatal(err)
		}
		for i, p := range probes {
			if err := os.WriteFile(filepath.Join(dir, "scripts", probeName(i)), []byte(p.Script), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Cleanup(func() { os.RemoveAll(surfaceBase) })
	var wg sync.WaitGroup
	bashOut = make([]Outcome, len(probes))
	next := make(chan int)
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				bashOut[i] = runBashProbe(surfaceBase, probeName(i))
			}
		}()
	}
	var hostErr error
	var hostOut string
	var hostDone sync.WaitGroup
	hostDone.Add(1)
	go func() {
		defer hostDone.Done()
		hostOut, hostErr = f.Exec(h.Name, surfaceRunner)
	}()
	for i := range probes {
		next <- i
	}
	close(next)
	wg.Wait()
	hostDone.Wait()
	if hostErr != nil {
		t.Fatalf("running the probes under ash: %v\n%s", hostErr, hostOut)
	}
	ashOut = make([]Outcome, len(probes))
	for i := range probes {
		ashOut[i] = readOutcome(t, filepath.Join(hostBase, "out", probeName(i)))
	}
	return ashOut, bashOut
}

// runBashProbe runs one probe under the controller's bash as the host
// runs it under ash.
func runBashProbe(base, name string) Outcome {
	work := filepath.Join(base, "work", name)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return Outcome{Exit: -1, Stderr: err.Error()}
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("timeout", "-s", "KILL", "5", "env", "-i", cleanPath,
		"bash", "--norc", "--noprofile", filepath.Join(base, "scripts", name))
	cmd.Dir = work
	// A probe's background children may keep its output open after
	// timeout killed it; stop reading a second later.
	cmd.WaitDelay = time.Second
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	exit := 0
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			return Outcome{Exit: -1, Stderr: err.Error()}
		}
		exit = ee.ExitCode()
	}
	return Outcome{Exit: exit, Stdout: stdout.String(), Stderr: stderr.String()}
}

// judgeSurface derives the probes' severities. An applet whose output
// differs between the hosts without any option (df, ps, ls -l of other
// files) is judged by its failures only: its output says nothing about
// the option.
func judgeSurface(probes []surfaceProbe, ashOut, bashOut []Outcome) []surfaceEntry {
	incomparable := map[string]bool{}
	for i, p := range probes {
		if p.Group != "" && p.Key == "applet "+p.Group && ashOut[i].Stdout != bashOut[i].Stdout {
			incomparable[p.Group] = true
		}
	}
	entries := make([]surfaceEntry, len(probes))
	for i, p := range probes {
		a, b := ashOut[i], bashOut[i]
		sev := judge(a, b)
		note := ""
		if p.Group != "" {
			sev, note = judgeApplet(a, b)
			if incomparable[p.Group] && sev == SeverityWarning {
				sev, note = SeverityInfo, "the applet's output differs without the option: only failures count"
			}
		}
		entries[i] = surfaceEntry{Key: p.Key, Probe: p.Script, Ash: clip(a), Bash: clip(b), Severity: sev, Note: note, TakesValue: p.TakesValue}
	}
	return entries
}

// judgeApplet judges a probe of a GNU tool's option: the status of the
// command is the "rc=N" line the probe ends with. When GNU itself fails,
// the probe did not show a form that scripts written for it use.
func judgeApplet(a, b Outcome) (Severity, string) {
	ashOut, ashRC := splitRC(a.Stdout)
	bashOut, bashRC := splitRC(b.Stdout)
	switch {
	case bashRC != "0":
		return SeverityInfo, "the GNU tool fails on this probe too"
	case ashRC != "0" || a.Exit != b.Exit:
		return SeverityError, ""
	case a.Stderr != "" && b.Stderr == "":
		return SeverityError, ""
	case ashOut != bashOut:
		return SeverityWarning, ""
	}
	return SeverityInfo, ""
}

// splitRC cuts the final "rc=N" line off a probe's output.
func splitRC(out string) (rest, rc string) {
	body := strings.TrimSuffix(out, "\n")
	i := strings.LastIndex(body, "\n")
	last := body[i+1:]
	if r, ok := strings.CutPrefix(last, "rc="); ok {
		return body[:i+1], r
	}
	return out, ""
}

// clip keeps the start of a probe's output in the table: enough to see
// what happened.
func clip(o Outcome) *Outcome {
	cut := func(s string) string {
		if len(s) > 200 {
			return s[:200] + "…"
		}
		return s
	}
	return &Outcome{Exit: o.Exit, Stdout: cut(o.Stdout), Stderr: cut(o.Stderr)}
}

const surfaceFile = "testdata/surface.json"

func TestSurface(t *testing.T) {
	probes := allSurfaceProbes(t)
	f := fleet.Start(t, 1)
	ashOut, bashOut := runSurface(t, f, probes)
	banner, err := f.Exec(f.Hosts[0].Name, "busybox | head -n 1")
	if err != nil {
		t.Fatal(err)
	}
	bashVersion, err := exec.Command("bash", "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	table := surfaceTable{
		Ash:     strings.TrimSpace(banner),
		Bash:    strings.TrimSpace(strings.SplitN(string(bashVersion), "\n", 2)[0]),
		Entries: judgeSurface(probes, ashOut, bashOut),
	}
	counts := map[Severity]int{}
	for _, e := range table.Entries {
		counts[e.Severity]++
	}
	t.Logf("%d probes: %d error, %d warning, %d info", len(table.Entries), counts[SeverityError], counts[SeverityWarning], counts[SeverityInfo])
	if *update {
		writeJSON(t, surfaceFile, table)
		return
	}
	recorded, err := loadSurface(surfaceJSON)
	if err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, e := range table.Entries {
		r, ok := recorded.byKey[e.Key]
		switch {
		case !ok:
			changed = append(changed, fmt.Sprintf("%s: new probe, %s", e.Key, e.Severity))
		case r.Severity != e.Severity:
			changed = append(changed, fmt.Sprintf("%s: the shells now say %s (ash exit %d %q, bash exit %d %q), the table says %s",
				e.Key, e.Severity, e.Ash.Exit, e.Ash.Stderr, e.Bash.Exit, e.Bash.Stderr, r.Severity))
		}
	}
	for _, r := range recorded.Entries {
		if !slices.ContainsFunc(table.Entries, func(e surfaceEntry) bool { return e.Key == r.Key }) {
			changed = append(changed, r.Key+": in the table, no longer generated")
		}
	}
	if len(changed) > 0 {
		t.Errorf("%d verdicts changed (go test ./internal/ash -run TestSurface -update rewrites %s):\n%s",
			len(changed), surfaceFile, strings.Join(changed, "\n"))
	}
}

// TestSurfaceCoversManual: every construct the manual and bash's help
// name has a probe, so the generated table cannot silently skip one.
func TestSurfaceCoversManual(t *testing.T) {
	for _, b := range manualBuiltins(t) {
		if _, ok := builtinTemplates[b.Name]; !ok {
			t.Errorf("builtin %s (compgen -b) has no probe template", b.Name)
		}
	}
	keys := map[string]bool{}
	for _, p := range paramProbes {
		keys[p.Key] = true
	}
	for _, form := range manualParamForms(t) {
		if strings.HasPrefix(form, "${parameter@") {
			continue // one probe per operator letter
		}
		ks, ok := paramForms[form]
		if !ok {
			t.Errorf("the manual's %s has no probe", form)
		}
		for _, k := range ks {
			if !keys[k] {
				t.Errorf("%s: probe %q does not exist", form, k)
			}
		}
	}
	for _, title := range manualRedirections(t) {
		if len(redirectionProbes[title]) == 0 {
			t.Errorf("REDIRECTION: %q has no probe", title)
		}
	}
	for _, sh := range []string{"SHELL GRAMMAR", "EXPANSION"} {
		for _, title := range manualSubsections(t, sh) {
			if _, ok := grammarProbes[title]; !ok {
				t.Errorf("%s: %q has no probe", sh, title)
			}
		}
	}
	probes := allSurfaceProbes(t)
	have := map[string]bool{}
	for _, p := range probes {
		have[p.Key] = true
	}
	for _, want := range []string{"builtin read -d", "shopt extglob", "set -o pipefail", "var EPOCHSECONDS",
		"param ${p@Q}", "arith **", "[[ =~", "redir <<<", "applet sed -z", "applet grep -P"} {
		if !have[want] {
			t.Errorf("no probe %q", want)
		}
	}
	t.Logf("%d probes", len(probes))
}

// TestSurfaceRecognised: every probe of the table, analyzed as a script,
// is reported under its own key; the analyzer knows every construct the
// table has a verdict for.
func TestSurfaceRecognised(t *testing.T) {
	// What these probes show depends on what happens at run time (a glob
	// that matches nothing, a return in a sourced file, a number printf
	// cannot read) or on the spelling mvdan/sh folds ([[ -a ]] is [[ -e ]]);
	// they stay in the table as evidence and are not reported.
	notStatic := map[string]bool{"[[ -a": true, "[[ -h": true, "printf \\c": true, "printf bad-number": true,
		"syntax glob nomatch": true, "syntax return-in-source": true, "trap subshell": true}
	missed := 0
	for _, e := range surface.Entries {
		if notStatic[e.Key] {
			continue
		}
		keys := scriptKeys([]byte(e.Probe))
		if !slices.Contains(keys, e.Key) {
			missed++
			t.Errorf("%s: not recognised in its probe (keys: %q)\n%s", e.Key, keys, e.Probe)
		}
	}
	if missed > 0 {
		t.Logf("%d of %d probes not recognised", missed, len(surface.Entries))
	}
}

// loadSurfaceFile is for tests that want the file as written.
func loadSurfaceFile(t testing.TB) surfaceTable {
	b, err := os.ReadFile(surfaceFile)
	if err != nil {
		t.Fatal(err)
	}
	var st surfaceTable
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	return st
}
