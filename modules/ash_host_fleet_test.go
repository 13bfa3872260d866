package modules_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
	"github.com/switchbackhq/switchback/runner"
)

// seedFiles writes files into a fleet host's root, as an operator's
// scripts would be.
func seedFiles(t *testing.T, h *fleet.Host, files map[string]string) {
	t.Helper()
	for p, content := range files {
		if err := os.MkdirAll(filepath.Dir(h.Path(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(h.Path(p), []byte(content), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// parseMarkers are the files the scripts of TestAshCheckHostParse would
// create if anything of them ran.
var parseMarkers = []string{"/root/ash-parse-subst", "/root/ash-parse-backquote", "/root/ash-parse-heredoc",
	"/root/ash-parse-ran", "/root/ash-parse-herestring", "/root/ash-parse-fine"}

const ashParsePlaybook = `
playbook { name = "ash-parse" }
phase "scripts" {
  ash_check "parse" {
    paths   = ["/opt/parse"]
    fail_on = "error"
  }
}
`

// TestAshCheckHostParse: a script the host's BusyBox ash cannot parse
// fails the step with ash-parse, ash's own message and line, in check
// mode and in a run; sh -n runs nothing of it (command substitutions,
// backquotes and here-documents included): no marker file appears and
// the host's files are as they were. A #!/bin/bash script is parsed by
// ash only where the host has no bash.
func TestAshCheckHostParse(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	seedFiles(t, h, map[string]string{
		"/opt/parse/let.sh": "#!/bin/sh\nx=$(touch /root/ash-parse-subst)\ny=`touch /root/ash-parse-backquote`\n" +
			"cat <<EOF\n$(touch /root/ash-parse-heredoc)\nEOF\necho ran > /root/ash-parse-ran\nlet x=(1+2)\n",
		"/opt/parse/herestring.sh": "#!/bin/bash\nwhile read -r l; do echo \"$l\"; done <<< \"$(touch /root/ash-parse-herestring)\"\n",
		"/opt/parse/fine.sh":       "#!/bin/sh\necho \"$(touch /root/ash-parse-fine)\"\n",
	})
	before := steptest.Fingerprint(t, h)
	pb := steptest.Write(t, t.TempDir(), "parse.hcl", ashParsePlaybook)
	for _, check := range []bool{true, false} {
		r := steptest.Exec(t, f, pb, steptest.Options{Check: check})
		if r.ExitCode != runner.ExitFailed {
			t.Fatalf("check=%v: exit %d, want %d", check, r.ExitCode, runner.ExitFailed)
		}
		r.WantSaid(t,
			`/opt/parse/let.sh:8:1 ash-parse error: the host's ash cannot parse the script (sh -n): syntax error: unexpected "("`,
			`/opt/parse/herestring.sh:2:1 ash-parse error: the host's ash cannot parse the script (sh -n): syntax error: unexpected redirection`,
			"/opt/parse/herestring.sh:1:1 bash-shebang error",
		)
		if said := r.Said(); strings.Contains(said, "fine.sh") {
			t.Errorf("check=%v: a script ash parses is reported:\n%s", check, said)
		}
	}
	for _, m := range parseMarkers {
		if _, err := os.Stat(h.Path(m)); err == nil {
			t.Errorf("%s exists: sh -n ran part of a script", m)
		}
	}
	if diff := steptest.FingerprintDiff(before, steptest.Fingerprint(t, h)); len(diff) > 0 {
		t.Errorf("the host changed:\n%s", strings.Join(diff, "\n"))
	}

	// With bash on the host, a #!/bin/bash script runs under bash: ash's
	// parse is no longer its trouble (bash-shebang still is).
	seedFiles(t, h, map[string]string{"/bin/bash": "#!/bin/sh\nexec /bin/sh \"$@\"\n"})
	r := steptest.Exec(t, f, pb, steptest.Options{Check: true})
	r.WantSaid(t, "/opt/parse/let.sh:8:1 ash-parse error", "/opt/parse/herestring.sh:1:1 bash-shebang error")
	if strings.Contains(r.Said(), "herestring.sh:2:1 ash-parse") {
		t.Errorf("ash-parse reported for a bash script on a host with bash:\n%s", r.Said())
	}
}

// ashParseFinding is a line of the step's error naming an ash-parse
// finding.
var ashParseFinding = regexp.MustCompile(`(?m)^\s*(/opt/corpus/\S+):(\d+):1 ash-parse error`)

// TestAshCheckParseAgreesWithHost (property, fixed seed): on the
// development corpus and on variants of it truncated at random points,
// the step reports ash-parse, at ash's line, exactly for the scripts on
// which the host's own `sh -n` (run inside the host, not through the
// step) fails; and checking them all leaves the host's files as they
// were.
func TestAshCheckParseAgreesWithHost(t *testing.T) {
	const variantsPerScript = 2
	corpus, err := filepath.Glob("../testdata/ash/corpus/*.sh")
	if err != nil || len(corpus) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	rng := rand.New(rand.NewPCG(16, 1))
	var names []string // in the corpus's order, then the variants of each
	sources := map[string]string{}
	for _, p := range corpus {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".sh")
		names = append(names, name+".sh")
		sources[name+".sh"] = string(src)
		for k := range variantsPerScript {
			cut := 1 + rng.IntN(max(len(src)-1, 1))
			v := fmt.Sprintf("%s-cut%d.sh", name, k)
			names = append(names, v)
			sources[v] = string(src[:cut])
		}
	}
	// A step's error is capped at 8 KiB in events, and a failing step
	// would stop the host's run: groups of six scripts, one step each,
	// with ignore_errors.
	const group = 6
	files := map[string]string{}
	var steps strings.Builder
	for i, name := range names {
		dir := fmt.Sprintf("/opt/corpus/g%03d", i/group)
		files[dir+"/"+name] = sources[name]
		if i%group == 0 {
			fmt.Fprintf(&steps, "  ash_check %q {\n    paths = [%q]\n    fail_on = \"error\"\n    ignore_errors = true\n  }\n", dir, dir)
		}
	}
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	seedFiles(t, h, files)
	before := steptest.Fingerprint(t, h)

	// The truth: the host's sh -n on each, run inside the host.
	truthOut, err := f.Exec(h.Name, `for f in /opt/corpus/*/*; do out=$(/bin/sh -n "$f" 2>&1) || printf '%s\t%s\n' "$f" "$out"; done; true`)
	if err != nil {
		t.Fatal(err)
	}
	lineOf := regexp.MustCompile(`: line (\d+): `)
	want := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(truthOut), "\n") {
		p, msg, ok := strings.Cut(l, "\t")
		if !ok {
			continue
		}
		line := "1"
		if m := lineOf.FindStringSubmatch(msg); m != nil {
			line = m[1]
		}
		want[p] = line
	}

	pb := steptest.Write(t, t.TempDir(), "corpus.hcl", "playbook { name = \"ash-corpus\" }\nphase \"scripts\" {\n"+steps.String()+"}\n")
	r := steptest.Exec(t, f, pb, steptest.Options{Check: true})
	got := map[string]string{}
	for _, ev := range r.Steps() {
		if strings.Contains(ev.Error, "bytes not shown") {
			t.Fatalf("step %s: its error was cut; make the groups smaller", ev.Step)
		}
		for _, m := range ashParseFinding.FindAllStringSubmatch(ev.Error, -1) {
			got[m[1]] = m[2]
		}
	}
	if n := len(r.Steps()); n != (len(names)+group-1)/group {
		t.Fatalf("%d steps ran, want %d", n, (len(names)+group-1)/group)
	}
	var mismatches []string
	for p := range files {
		if got[p] != want[p] {
			mismatches = append(mismatches, fmt.Sprintf("%s: step says line %q, sh -n says %q", p, got[p], want[p]))
		}
	}
	slices.Sort(mismatches)
	origFail := 0
	for p := range want {
		if !strings.Contains(p, "-cut") {
			origFail++
		}
	}
	t.Logf("%d scripts (%d of the corpus, %d truncated variants): sh -n fails on %d (%d of the corpus), the step reports ash-parse on %d; %d mismatches",
		len(files), len(corpus), len(files)-len(corpus), len(want), origFail, len(got), len(mismatches))
	if len(mismatches) > 0 {
		t.Errorf("the step and the host's sh -n disagree:\n%s", strings.Join(mismatches, "\n"))
	}
	if len(want) < len(corpus)/4 {
		t.Errorf("only %d of %d scripts fail sh -n: the variants do not exercise the check", len(want), len(files))
	}
	if diff := steptest.FingerprintDiff(before, steptest.Fingerprint(t, h)); len(diff) > 0 {
		t.Errorf("the host changed:\n%s", strings.Join(diff, "\n"))
	}
}

const ashCommandsPlaybook = `
playbook { name = "ash-commands" }
phase "scripts" {
  ash_check "commands" {
    paths = ["/opt/cmds"]
  }
}
`

// TestAshCheckHostCommands: the host's own commands decide
// missing-command. rsync, which a base Alpine lacks, is missing until
// the operator puts it in /usr/local/bin; unzip, which a base Alpine has,
// is missing on a host that lost it, unless packages installs it.
func TestAshCheckHostCommands(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	seedFiles(t, h, map[string]string{"/opt/cmds/sync.sh": "#!/bin/sh\nrsync -a /srv/ /backup/\nunzip -o /srv/a.zip\n"})
	pb := steptest.Write(t, t.TempDir(), "cmds.hcl", ashCommandsPlaybook)

	r := steptest.Exec(t, f, pb, steptest.Options{Check: true})
	if r.ExitCode != runner.ExitFailed {
		t.Fatalf("exit %d, want %d (rsync is not on the host)", r.ExitCode, runner.ExitFailed)
	}
	r.WantSaid(t, "/opt/cmds/sync.sh:2:1 missing-command error: `rsync` is not on this host", "apk add rsync")
	if strings.Contains(r.Said(), "unzip") {
		t.Errorf("unzip, which the host has, is reported:\n%s", r.Said())
	}

	// The operator's rsync; the host loses unzip.
	seedFiles(t, h, map[string]string{"/usr/local/bin/rsync": "#!/bin/sh\nexit 0\n"})
	if err := os.Remove(h.Path("/usr/bin/unzip")); err != nil {
		t.Fatal(err)
	}
	r = steptest.Exec(t, f, pb, steptest.Options{Check: true})
	if r.ExitCode != runner.ExitFailed {
		t.Fatalf("exit %d, want %d (unzip is gone)", r.ExitCode, runner.ExitFailed)
	}
	r.WantSaid(t, "ash_check: 1 finding(s)", "/opt/cmds/sync.sh:3:1 missing-command error: `unzip` is not on this host")
	if strings.Contains(r.Said(), "rsync") {
		t.Errorf("rsync, which the host has in /usr/local/bin, is reported:\n%s", r.Said())
	}

	// packages = [...] are installed before the scripts run: a check run
	// before the install counts them.
	pb = steptest.Write(t, t.TempDir(), "pkgs.hcl", `
playbook { name = "ash-commands" }
phase "scripts" {
  ash_check "commands" {
    paths    = ["/opt/cmds"]
    packages = ["cmd:unzip"]
  }
}
`)
	if r = steptest.Exec(t, f, pb, steptest.Options{Check: true}); r.ExitCode != runner.ExitOK {
		t.Errorf("exit %d with packages = [\"cmd:unzip\"], want %d:\n%s", r.ExitCode, runner.ExitOK, r.Errors())
	}
}

// TestAshCheckRoundTrips: the parse check and the host's commands ride
// in the round trip that reads the scripts, so two ash_check steps of a
// run that changes nothing still go in the one batch of checks.
func TestAshCheckRoundTrips(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	seedFiles(t, h, map[string]string{
		"/opt/a/one.sh": "#!/bin/sh\nrsync -a a b\n",
		"/opt/b/two.sh": "#!/bin/sh\nlet x=(1+2)\n",
	})
	pb := steptest.Write(t, t.TempDir(), "two.hcl", `
playbook { name = "ash-two" }
phase "scripts" {
  ash_check "a" {
    paths   = ["/opt/a"]
    fail_on = "never"
  }
  ash_check "b" {
    paths   = ["/opt/b"]
    fail_on = "never"
  }
}
`)
	before, err := h.Requests()
	if err != nil {
		t.Fatal(err)
	}
	r := steptest.Exec(t, f, pb, steptest.Options{})
	if r.ExitCode != runner.ExitOK {
		t.Fatalf("exit %d: %s", r.ExitCode, r.Errors())
	}
	after, err := h.Requests()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("requests: %d for two ash_check steps", after-before)
	// The host lock, then both checks in one batch.
	if after-before != 2 {
		t.Errorf("%d requests, want 2 (the lock, then both checks in one batch)", after-before)
	}
}
