package ash

// TestSurface runs every generated probe of bash's surface under the
// /bin/sh of a fleet host (BusyBox ash) and under the controller's bash,
// derives each construct's severity from what happened, and checks it
// against testdata/surface.json (with -update, rewrites that file). All
// the probes go to the host in one directory and run there in one SSH
// command.

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
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
	stageScripts(t, []string{hostBase, surfaceBase}, 0o644, func(write func(name, src string)) {
		for i, p := range probes {
			write(probeName(i), p.Script)
		}
	})
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
	// A probe's background children may keep its output open after
	// timeout killed it; stop reading a second later.
	o, err := bashOutcome(base, name, 5*time.Second, time.Second)
	if err != nil {
		return Outcome{Exit: -1, Stderr: err.Error()}
	}
	return o
}

// compare reads what the judgement needs from the two runs of a probe.
func compare(a, b Outcome) comparison {
	c := comparison{AshRC: lastRC(a.Stdout), BashRC: lastRC(b.Stdout), Stdout: "differs"}
	// The descriptor each shell picks for <(...) is its own business.
	ao, bo := fdPath.ReplaceAllString(a.Stdout, "/dev/fd/N"), fdPath.ReplaceAllString(b.Stdout, "/dev/fd/N")
	switch {
	case ao == bo:
		c.Stdout = "same"
	case blanks(ao) == blanks(bo):
		c.Stdout = "blanks"
	}
	c.AshComplains, c.AshNotices = readStderr(a.Stderr)
	c.BashComplains, c.BashNotices = readStderr(b.Stderr)
	return c
}

// lastRC is the status the probe printed last ("rc=N"), which may follow
// output that did not end its line (du -0, printf without a newline).
func lastRC(out string) string {
	i := strings.LastIndex(out, "\nrc=") + 1
	if i == 0 && !strings.HasPrefix(out, "rc=") {
		i = strings.LastIndex(out, "rc=")
	}
	if i < 0 {
		return ""
	}
	r := out[i+3:]
	if j := strings.IndexAny(r, " \n"); j >= 0 {
		r = r[:j]
	}
	return r
}

// blanks reads output as scripts read columns: runs of spaces and tabs
// are one separator, and blanks at either end of a line do not count.
func blanks(out string) string {
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

var fdPath = regexp.MustCompile(`/dev/fd/[0-9]+`)

// jobNotice is the line a shell writes when a job it started dies of a
// signal: bash's "p0123: line 3:  4242 Killed   sleep 3", ash's "Killed".
// It is a report, not a complaint about the script.
var jobNotice = regexp.MustCompile(`(: line [0-9]+: +[0-9]+ |^)(Killed|Terminated|Hangup|Interrupt|Quit|Aborted|Alarm clock|User defined signal [12]|Segmentation fault|Broken pipe)\b`)

func readStderr(stderr string) (complains, notices bool) {
	for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		switch {
		case line == "":
		case jobNotice.MatchString(line):
			notices = true
		default:
			complains = true
		}
	}
	return complains, notices
}

// judgeSurface derives the probes' severities.
func judgeSurface(probes []surfaceProbe, ashOut, bashOut []Outcome) []surfaceEntry {
	// The templates send output that depends on the host (df, ps, id,
	// free) to /dev/null: what is left to compare is the tools' own.
	entries := make([]surfaceEntry, len(probes))
	for i, p := range probes {
		c := compare(ashOut[i], bashOut[i])
		entries[i] = surfaceEntry{Key: p.Key, Probe: p.Script, Ash: clip(ashOut[i]), Bash: clip(bashOut[i]), Compared: &c, TakesValue: p.TakesValue}
	}
	rejudge(probes, entries)
	return entries
}

// rejudge sets the severity of each entry from its recorded comparison;
// probes and entries are in the same order.
func rejudge(probes []surfaceProbe, entries []surfaceEntry) {
	for i, p := range probes {
		e := &entries[i]
		if p.Group != "" {
			e.Severity, e.Note = judgeApplet(p, *e.Compared, e.Ash.Exit, e.Bash.Exit)
		} else {
			e.Severity, e.Note = judgeShell(*e.Compared, e.Ash.Exit, e.Bash.Exit)
		}
	}
}

// judgeShell judges a probe of the shell itself. A probe that bash
// rejects shows nothing scripts written for bash do. Otherwise ash
// failing where bash did not (another exit status or printed status, a
// complaint on stderr, a hang) is an error; the same status with other
// output, or a job notice one shell gives and the other does not, is a
// warning.
func judgeShell(c comparison, ashExit, bashExit int) (Severity, string) {
	switch {
	case c.BashComplains || bashExit == 137:
		return SeverityInfo, "bash itself fails this probe: no script written for bash does this"
	case ashExit != bashExit || c.AshComplains || c.AshRC != c.BashRC:
		return SeverityError, ""
	case c.Stdout != "same" || c.AshNotices != c.BashNotices:
		return SeverityWarning, ""
	}
	return SeverityInfo, ""
}

// judgeApplet judges a probe of a GNU tool's option: the status of the
// command is the "rc=N" line the probe ends with. When GNU itself fails,
// the probe did not show a form that scripts written for it use. An
// option whose help says it only reports what is being done
// (--verbose...) is judged by its status: scripts do not read its
// messages. Output that differs only in column alignment is read the
// same by scripts, except from the applets that exist to lay text out.
// A probe of a situation (p.Situation) compares the GNU tool's failure
// like any other result: scripts meet it.
func judgeApplet(p surfaceProbe, c comparison, ashExit, bashExit int) (Severity, string) {
	switch {
	case fails(p.Group, c.BashRC) && !p.Situation:
		return SeverityInfo, "the GNU tool fails on this probe too"
	case fails(p.Group, c.AshRC) && !fails(p.Group, c.BashRC) || ashExit != bashExit || c.AshRC != c.BashRC:
		return SeverityError, ""
	case c.AshComplains && !c.BashComplains:
		return SeverityError, ""
	case c.Stdout == "same":
		return SeverityInfo, ""
	case p.Informational:
		return SeverityInfo, "the option only reports what is being done: judged by its status"
	case c.Stdout == "blanks" && !layoutApplets[p.Group]:
		return SeverityInfo, "the output differs only in column alignment"
	}
	return SeverityWarning, ""
}

// resultStatus is the highest status that is a result, not a failure,
// of the tools that answer with it: POSIX diff and cmp exit 1 when the
// files differ, grep when nothing matches.
var resultStatus = map[string]int{"diff": 1, "cmp": 1, "grep": 1}

// fails says whether a printed status is a failure of the applet.
func fails(applet, rc string) bool {
	n, err := strconv.Atoi(rc)
	return err != nil || n > resultStatus[applet]
}

// layoutApplets exist to place text in columns: their blanks are content.
var layoutApplets = map[string]bool{"expand": true, "unexpand": true, "fold": true, "fmt": true, "column": true, "pr": true, "printf": true}

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

// surfaceSampleStride: without -update, TestSurface runs every
// surfaceSampleStride-th probe and every applet's baseline (a few hundred
// probes, well under a minute) and checks their verdicts against the
// table; SWITCHBACK_ASH_SURFACE=all (make soak-ash-surface) runs them all.
// TestSurfaceTable checks the whole table offline: the generated probes
// and, from the recorded comparisons, every verdict.
const surfaceSampleStride = 8

func surfaceSample(probes []surfaceProbe) []surfaceProbe {
	var out []surfaceProbe
	for i, p := range probes {
		if i%surfaceSampleStride == 0 || p.Group != "" && p.Key == "applet "+p.Group {
			out = append(out, p)
		}
	}
	return out
}

func TestSurface(t *testing.T) {
	probes := allSurfaceProbes(t)
	if !*update && os.Getenv("SWITCHBACK_ASH_SURFACE") != "all" {
		probes = surfaceSample(probes)
	}
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
	t.Logf("%d probes run: %d error, %d warning, %d info", len(table.Entries), counts[SeverityError], counts[SeverityWarning], counts[SeverityInfo])
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
	if len(changed) > 0 {
		t.Errorf("%d verdicts changed (make ash-surface rewrites %s):\n%s",
			len(changed), surfaceFile, strings.Join(changed, "\n"))
	}
}

// TestSurfaceTable: the table holds exactly the probes the generator
// makes now, and judging the comparisons it records gives the verdicts it
// records; a change to a probe or to the judgement fails here at once.
func TestSurfaceTable(t *testing.T) {
	probes := allSurfaceProbes(t)
	recorded := loadSurfaceFile(t)
	byKey := map[string]surfaceEntry{}
	for _, e := range recorded.Entries {
		byKey[e.Key] = e
	}
	entries := make([]surfaceEntry, 0, len(probes))
	var stale []string
	for _, p := range probes {
		e, ok := byKey[p.Key]
		switch {
		case !ok:
			stale = append(stale, p.Key+": generated, not in the table")
			continue
		case e.Probe != p.Script:
			stale = append(stale, p.Key+": the probe changed")
		case e.Compared == nil:
			stale = append(stale, p.Key+": no comparison recorded")
			continue
		}
		delete(byKey, p.Key)
		entries = append(entries, e)
	}
	for key := range byKey {
		stale = append(stale, key+": in the table, no longer generated")
	}
	if len(stale) > 0 {
		slices.Sort(stale)
		t.Fatalf("%s is stale (make ash-surface rewrites it):\n%s", surfaceFile, strings.Join(stale, "\n"))
	}
	judged := slices.Clone(entries)
	rejudge(probes, judged)
	for i, e := range judged {
		if r := entries[i]; r.Severity != e.Severity || r.Note != e.Note {
			t.Errorf("%s: judged %s (%s) now, the table says %s (%s)", e.Key, e.Severity, e.Note, r.Severity, r.Note)
		}
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
		if notStatic[e.Key] || bareWithOptions(e) {
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

// bareWithOptions: the probe of an applet alone whose template gives it
// fixed options (cut -d' ' -f1, gzip -c): a script using those options is
// reported under the options' keys, not the bare one.
func bareWithOptions(e surfaceEntry) bool {
	name, ok := strings.CutPrefix(e.Key, "applet ")
	if !ok || strings.Contains(name, " ") {
		return false
	}
	for _, line := range strings.Split(e.Probe, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == name {
			return hasOptions(f[1:])
		}
	}
	return false
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
