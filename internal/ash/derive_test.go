package ash

// The tables of this package are derived from real shells: every probe
// of rules.go and every script of the corpus runs under the /bin/sh of
// an Alpine host of the test fleet (BusyBox ash) and under the
// controller's bash, each in an empty working directory with a clean
// environment. Run with -update to rewrite the tables; without it, the
// tests fail when the checked-in tables no longer match what the shells do.

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
)

var update = flag.Bool("update", false, "rewrite testdata/constructs.json, testdata/applets.txt and ../../testdata/ash/truth.json from the fleet")

// probeBase is the directory of probe runs, the same path on the
// controller and inside the host so that $0 and messages match.
const probeBase = "/tmp/switchback-ash-probe"

// cleanPath is the only variable either shell gets.
const cleanPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

// ashRunner runs every script of scripts/ under the host's /bin/sh (or
// directly when its shebang asks for bash, as the host would), each in
// its own empty directory, and leaves exit, stdout and stderr in out/.
const ashRunner = `base=` + probeBase + `
cd "$base" || exit 1
for s in scripts/*; do
	n=${s#scripts/}
	mkdir -p "work/$n" "out/$n"
	case $(head -n 1 "$base/$s") in
	'#!'*bash*)
		(cd "work/$n" && env -i ` + cleanPath + ` timeout 10 "$base/$s" </dev/null >"$base/out/$n/stdout" 2>"$base/out/$n/stderr"; echo $? >"$base/out/$n/exit")
		# and as if its first line said #!/bin/sh, in a fresh directory
		mkdir -p "work/$n.sh" "out/$n.sh"
		(cd "work/$n.sh" && env -i ` + cleanPath + ` timeout 10 /bin/sh "$base/$s" </dev/null >"$base/out/$n.sh/stdout" 2>"$base/out/$n.sh/stderr"; echo $? >"$base/out/$n.sh/exit")
		;;
	*)
		(cd "work/$n" && env -i ` + cleanPath + ` timeout 10 /bin/sh "$base/$s" </dev/null >"$base/out/$n/stdout" 2>"$base/out/$n/stderr"; echo $? >"$base/out/$n/exit")
		;;
	esac
done
`

type pair struct {
	Ash, Bash Outcome
	// AshAsSh is a bash-shebang script run with /bin/sh anyway: what its
	// body does under ash once the first line is fixed.
	AshAsSh *Outcome
}

// runBoth runs each named script under the fleet host's ash and the
// controller's bash.
func runBoth(t *testing.T, f *fleet.Fleet, scripts map[string]string) map[string]pair {
	t.Helper()
	h := f.Hosts[0]
	hostBase := h.Path(probeBase)
	stageScripts(t, []string{hostBase, probeBase}, 0o755, func(write func(name, src string)) {
		for name, src := range scripts {
			write(name, src)
		}
	})
	if out, err := f.Exec(h.Name, ashRunner); err != nil {
		t.Fatalf("running the scripts under ash: %v\n%s", err, out)
	}
	results := make(map[string]pair, len(scripts))
	for name := range scripts {
		p := pair{Bash: runBash(t, name)}
		p.Ash = readOutcome(t, filepath.Join(hostBase, "out", name))
		if _, err := os.Stat(filepath.Join(hostBase, "out", name+".sh")); err == nil {
			o := readOutcome(t, filepath.Join(hostBase, "out", name+".sh"))
			p.AshAsSh = &o
		}
		results[name] = p
	}
	return results
}

func readOutcome(t *testing.T, dir string) Outcome {
	t.Helper()
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	exit, err := strconv.Atoi(strings.TrimSpace(read("exit")))
	if err != nil {
		t.Fatalf("%s: exit status: %v", dir, err)
	}
	return Outcome{Exit: exit, Stdout: read("stdout"), Stderr: read("stderr")}
}

func runBash(t *testing.T, name string) Outcome {
	t.Helper()
	o, err := bashOutcome(probeBase, name, 10*time.Second, 0)
	if err != nil {
		t.Fatalf("bash %s: %v", name, err)
	}
	return o
}

// bashOutcome runs base/scripts/name under the controller's bash, in a
// working directory of its own and a clean environment, as the host runs
// it under ash; the script is killed after limit, and its output is read
// for at most waitDelay after it ended (0: until every writer closed it).
// err is set when bash could not be run at all.
func bashOutcome(base, name string, limit, waitDelay time.Duration) (Outcome, error) {
	work := filepath.Join(base, "work", name)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return Outcome{}, err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("timeout", "-s", "KILL", strconv.Itoa(int(limit/time.Second)), "env", "-i", cleanPath,
		"bash", "--norc", "--noprofile", filepath.Join(base, "scripts", name))
	cmd.Dir = work
	cmd.WaitDelay = waitDelay
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	exit := 0
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			return Outcome{}, err
		}
		exit = ee.ExitCode()
	}
	return Outcome{Exit: exit, Stdout: stdout.String(), Stderr: stderr.String()}, nil
}

// stageScripts empties each of dirs (the host's copy and the
// controller's), writes the scripts put gives into its scripts/ with
// mode, and removes the controller's copy when the test ends (the last
// of dirs).
func stageScripts(t *testing.T, dirs []string, mode os.FileMode, put func(write func(name, src string))) {
	t.Helper()
	for _, dir := range dirs {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "scripts"), 0o755); err != nil {
			t.Fatal(err)
		}
		put(func(name, src string) {
			if err := os.WriteFile(filepath.Join(dir, "scripts", name), []byte(src), mode); err != nil {
				t.Fatal(err)
			}
		})
	}
	local := dirs[len(dirs)-1]
	t.Cleanup(func() { os.RemoveAll(local) })
}

const appletsHeader = "# `busybox APPLET --help` on an Alpine 3.20 host of the test fleet, for the\n" +
	"# commands that BusyBox provides there. Written by TestDeriveTable -update.\n"

func appletHelp(t *testing.T, f *fleet.Fleet) string {
	t.Helper()
	script := `for a in ` + strings.Join(appletNames(), " ") + `; do
	p=$(command -v "$a") || continue
	[ "$(readlink -f "$p")" = /bin/busybox ] || continue
	echo "=== $a"
	busybox "$a" --help 2>&1
done`
	out, err := f.Exec(f.Hosts[0].Name, script)
	if err != nil {
		t.Fatalf("reading applet help: %v", err)
	}
	return appletsHeader + out
}

// TestDeriveTable runs every probe under ash and bash and checks (or,
// with -update, rewrites) the construct table and the applets' help.
func TestDeriveTable(t *testing.T) {
	f := fleet.Start(t, 1)
	probes := map[string]string{}
	for _, r := range rules {
		if r.Probe != "" {
			probes[r.ID] = r.Probe
		}
	}
	results := runBoth(t, f, probes)
	banner, err := f.Exec(f.Hosts[0].Name, "busybox | head -n 1")
	if err != nil {
		t.Fatal(err)
	}
	bashVersion, err := exec.Command("bash", "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	table := constructTable{
		Ash:  strings.TrimSpace(banner),
		Bash: strings.TrimSpace(strings.SplitN(string(bashVersion), "\n", 2)[0]),
	}
	for _, r := range rules {
		if r.Probe == "" {
			table.Constructs = append(table.Constructs, fixedEntries[r.ID])
			continue
		}
		p := results[r.ID]
		table.Constructs = append(table.Constructs, constructEntry{
			Rule: r.ID, Probe: r.Probe, Ash: &p.Ash, Bash: &p.Bash, Severity: judge(p.Ash, p.Bash),
		})
	}
	table.Lists = deriveLists(t, f)
	help := appletHelp(t, f)
	accepted := acceptedOptions(t, f, parseApplets(help))
	if *update {
		writeJSON(t, "testdata/constructs.json", table)
		if err := os.WriteFile("testdata/applets.txt", []byte(help), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("testdata/accepted.txt", []byte(accepted), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if accepted != acceptedText {
		t.Errorf("the options BusyBox accepts beyond its help changed: run go test -run TestDeriveTable -update")
	}
	want, err := loadSeverities(constructsJSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range table.Constructs {
		if want[c.Rule] != c.Severity {
			t.Errorf("%s: the shells now say %s, the table says %s (run go test -run TestDeriveTable -update)", c.Rule, c.Severity, want[c.Rule])
		}
	}
	var recorded constructTable
	if err := json.Unmarshal(constructsJSON, &recorded); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(recorded.Lists, table.Lists) {
		t.Errorf("the bash-only lists changed: the shells say %+v, the table says %+v (run go test -run TestDeriveTable -update)", table.Lists, recorded.Lists)
	}
	if help != appletsHelp {
		t.Errorf("the applets' help changed: run go test -run TestDeriveTable -update")
	}
}

// bashWords runs a bash command in a clean environment and returns the
// first word of each line of its output.
func bashWords(t *testing.T, command string) []string {
	t.Helper()
	out, err := exec.Command("env", "-i", cleanPath, "bash", "--norc", "--noprofile", "-c", command).Output()
	if err != nil {
		t.Fatalf("bash -c %q: %v", command, err)
	}
	var words []string
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			words = append(words, f[0])
		}
	}
	return words
}

// inheritedVariables come from the environment on a real host (login,
// cron, OpenRC), not from the shell; a clean environment would make
// them look bash-only.
var inheritedVariables = map[string]bool{"SHELL": true, "TERM": true, "PATH": true, "HOME": true, "_": true}

// deriveLists asks bash for its builtins, variables and options, and the
// host's ash which of them it lacks.
func deriveLists(t *testing.T, f *fleet.Fleet) derivedLists {
	t.Helper()
	var vars []string
	for _, v := range bashWords(t, "compgen -v") {
		if !inheritedVariables[v] {
			vars = append(vars, v)
		}
	}
	const setFlags = "abefhkmnptuvxBCEHPT"
	const readFlags = "adeinNprstu"
	script := "for b in " + strings.Join(bashWords(t, "compgen -b"), " ") + "; do command -v \"$b\" >/dev/null 2>&1 || echo \"builtin $b\"; done\n" +
		"for v in " + strings.Join(vars, " ") + "; do eval \"[ -n \\\"\\${$v+x}\\\" ]\" || echo \"variable $v\"; done\n" +
		"for o in " + strings.Join(bashWords(t, "set -o"), " ") + "; do (set -o \"$o\") 2>/dev/null || echo \"setoption $o\"; done\n" +
		"for l in $(echo " + setFlags + " | sed 's/./& /g'); do (set -$l) 2>/dev/null || echo \"setflag $l\"; done\n" +
		"for l in $(echo " + readFlags + " | sed 's/./& /g'); do (read -$l 0 v </dev/null) 2>&1 | grep -q 'illegal option' && echo \"readflag $l\"; done\nexit 0\n"
	out, err := f.Exec(f.Hosts[0].Name, script)
	if err != nil {
		t.Fatalf("deriving the bash-only lists: %v\n%s", err, out)
	}
	var l derivedLists
	for _, line := range strings.Split(out, "\n") {
		kind, name, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		switch kind {
		case "builtin":
			l.Builtins = append(l.Builtins, name)
		case "variable":
			l.Variables = append(l.Variables, name)
		case "setoption":
			l.SetOptions = append(l.SetOptions, name)
		case "setflag":
			l.SetFlags += name
		case "readflag":
			l.ReadFlags += name
		}
	}
	return l
}

// notProbed are applets whose options are not tried blindly on the host:
// date and hostname can set the clock and the name; find's primaries are
// not options.
var notProbed = map[string]bool{"date": true, "hostname": true, "find": true}

const acceptedHeader = "# Options of the GNU tools (from their --help on the controller) that the\n" +
	"# BusyBox applet on an Alpine 3.20 host accepts although its own help does\n" +
	"# not list them, found by running `busybox APPLET OPTION --zz-bogus-zz`\n" +
	"# and seeing which option it complains about. Written by TestDeriveTable -update.\n"

var gnuOption = regexp.MustCompile(`--?[A-Za-z0-9][A-Za-z0-9-]*`)

// gnuOptions reads the options a GNU tool's --help lists.
func gnuOptions(name string) []string {
	out, _ := exec.Command(name, "--help").CombinedOutput() // a missing tool has no options to offer
	seen := map[string]bool{}
	var opts []string
	for _, line := range strings.Split(string(out), "\n") {
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "-") {
			continue
		}
		if i := strings.Index(t, "  "); i >= 0 {
			t = t[:i]
		}
		for _, o := range gnuOption.FindAllString(t, -1) {
			// "-NUM" and "-b20" are placeholders and examples, not options.
			if o == "--help" || o == "--version" || seen[o] || !strings.HasPrefix(o, "--") && len(o) != 2 {
				continue
			}
			seen[o] = true
			opts = append(opts, o)
		}
	}
	return opts
}

var findPrimary = regexp.MustCompile(`(?:^|\s)(-[a-z][a-z0-9_-]+)`)

// gnuFindPrimaries are the operators, tests and actions `find --help`
// lists (-not, -or, -newermt, -printf...).
func gnuFindPrimaries() []string {
	out, _ := exec.Command("find", "--help").CombinedOutput() // no GNU find, nothing to try
	seen := map[string]bool{}
	var ps []string
	for _, m := range findPrimary.FindAllStringSubmatch(string(out), -1) {
		if p := m[1]; !seen[p] && p != "-help" && p != "-version" {
			seen[p] = true
			ps = append(ps, p)
		}
	}
	return ps
}

// acceptedOptions tries every GNU option the help of an applet does not
// list on the host's BusyBox, in an empty directory with nothing on stdin;
// the bogus option after it makes the applet stop before doing anything.
func acceptedOptions(t *testing.T, f *fleet.Fleet, listed map[string]*appletSpec) string {
	t.Helper()
	var script strings.Builder
	script.WriteString("d=$(mktemp -d) && cd \"$d\" || exit 1\n")
	names := make([]string, 0, len(listed))
	for name := range listed {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if notProbed[name] {
			continue
		}
		spec := listed[name]
		// Only applets that parse options at all: one that takes
		// "--zz-bogus-zz" for a file name would seem to accept everything.
		fmt.Fprintf(&script, "if timeout 2 busybox %s --zz-bogus-zz </dev/null 2>&1 >/dev/null | grep -q 'unrecognized option: zz-bogus-zz'; then :\n", name)
		for _, o := range gnuOptions(name) {
			if len(spec.unknownOptions([]string{o})) == 0 {
				continue // the help already lists it
			}
			flag := strings.TrimLeft(o, "-")
			fmt.Fprintf(&script, "timeout 2 busybox %s %s --zz-bogus-zz </dev/null >/dev/null 2>err; grep -q -e 'unrecognized option: %s$' -e \"invalid option -- '%s'\" err || echo '%s %s'\n",
				name, o, flag, flag, name, o)
		}
		script.WriteString("fi\n")
	}
	// find's primaries are not options: each one GNU find lists and the
	// applet's help does not is tried between a test and a bogus primary,
	// and BusyBox names the first one it does not know.
	if spec := listed["find"]; spec != nil {
		for _, p := range gnuFindPrimaries() {
			if _, ok := spec.words[p]; ok {
				continue
			}
			fmt.Fprintf(&script, "timeout 2 busybox find . -maxdepth 0 -name x %s -zzbogus 2>&1 | grep -q -e 'unrecognized: %s$' || echo 'find %s'\n", p, p, p)
		}
	}
	script.WriteString("cd / && rm -rf \"$d\"\n")
	// The script is too long for a command line: it goes through a file.
	const path = "/tmp/switchback-ash-options.sh"
	if err := os.WriteFile(f.Hosts[0].Path(path), []byte(script.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := f.Exec(f.Hosts[0].Name, "sh "+path)
	if err != nil {
		t.Fatalf("trying GNU options on BusyBox: %v\n%s", err, out)
	}
	return acceptedHeader + out
}

// fixedEntries are rules that no probe can show.
var fixedEntries = map[string]constructEntry{
	"cron-d-ignored": {Rule: "cron-d-ignored", Severity: SeverityWarning,
		Why: "BusyBox crond reads /etc/crontabs/<user> only (crond -c, default /var/spool/cron/crontabs → /etc/crontabs on Alpine); the file is not an error, it is never read"},
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// truthEntry is one corpus script's ground truth.
type truthEntry struct {
	Script string  `json:"script"`
	Breaks bool    `json:"breaks"`
	Ash    Outcome `json:"ash"`
	Bash   Outcome `json:"bash"`
	// For scripts whose #! asks for bash: the body run by ash anyway.
	BodyBreaks *bool    `json:"body_breaks,omitempty"`
	AshAsSh    *Outcome `json:"ash_as_sh,omitempty"`
}

const (
	corpusDir = "../../testdata/ash/corpus"
	truthFile = "../../testdata/ash/truth.json"
)

// differs is the ground truth's verdict: the script behaves differently
// under ash when its exit status or its output differs, or when only one
// of the shells complains on stderr (the wording of a complaint that both
// make, such as GNU versus BusyBox messages, does not count).
func differs(p pair) bool {
	return p.Ash.Exit != p.Bash.Exit || p.Ash.Stdout != p.Bash.Stdout || (p.Ash.Stderr == "") != (p.Bash.Stderr == "")
}

func readCorpus(t testing.TB) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	corpus := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(corpusDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		corpus[e.Name()] = b
	}
	return corpus
}

// labelScripts runs scripts under the host's ash and the controller's
// bash and says which of them behave differently, sorted by name.
func labelScripts(t *testing.T, f *fleet.Fleet, corpus map[string][]byte) []truthEntry {
	t.Helper()
	scripts := map[string]string{}
	for name, src := range corpus {
		scripts[name] = string(src)
	}
	var truth []truthEntry
	for name, p := range runBoth(t, f, scripts) {
		e := truthEntry{Script: name, Breaks: differs(p), Ash: p.Ash, Bash: p.Bash, AshAsSh: p.AshAsSh}
		if p.AshAsSh != nil {
			body := differs(pair{Ash: *p.AshAsSh, Bash: p.Bash})
			e.BodyBreaks = &body
		}
		truth = append(truth, e)
	}
	slices.SortFunc(truth, func(a, b truthEntry) int { return strings.Compare(a.Script, b.Script) })
	return truth
}

// TestDeriveTruth runs the corpus under both shells and checks (or, with
// -update, rewrites) which scripts break under ash.
func TestDeriveTruth(t *testing.T) {
	truth := labelScripts(t, fleet.Start(t, 1), readCorpus(t))
	if *update {
		writeJSON(t, truthFile, truth)
		return
	}
	recorded := readTruth(t)
	for _, e := range truth {
		r, ok := recorded[e.Script]
		if !ok || r.Breaks != e.Breaks || verdict(r.BodyBreaks) != verdict(e.BodyBreaks) {
			t.Errorf("%s: breaks=%v (body %s) under the shells now, truth.json says %v (body %s); run go test -run TestDeriveTruth -update",
				e.Script, e.Breaks, verdict(e.BodyBreaks), r.Breaks, verdict(r.BodyBreaks))
		}
	}
}

func verdict(b *bool) string {
	if b == nil {
		return "not run"
	}
	return strconv.FormatBool(*b)
}

func readTruth(t testing.TB) map[string]truthEntry {
	t.Helper()
	b, err := os.ReadFile(truthFile)
	if err != nil {
		t.Fatal(err)
	}
	var entries []truthEntry
	if err := json.Unmarshal(b, &entries); err != nil {
		t.Fatalf("%s: %v", truthFile, err)
	}
	m := map[string]truthEntry{}
	for _, e := range entries {
		m[e.Script] = e
	}
	return m
}
