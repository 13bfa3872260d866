package ash

// The held-apart measurements. testdata/ash/heldout … heldout11
// hold scripts written after public init scripts, cron jobs,
// deploy scripts and the like (each directory's PROVENANCE.md says how
// they were chosen, and which of them were looked at after being scored:
// heldout4, heldout5, heldout6 with heldout7, heldout8 with heldout9, and
// heldout10 with heldout11 were each collected, labelled and committed
// before a round of changes to the analyzer, and scored once after it).
// Their ground truth
// comes from running each under a fleet host's ash and under bash
// (TestHeldoutTruth); the analyzer is only scored against it
// (TestHeldoutScore), by the exit code that `lint-sh` gives with its
// default --fail-on.

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
)

// defaultFailOn is lint-sh's default --fail-on.
const defaultFailOn = SeverityWarning

// onlySet limits TestHeldoutTruth (and so -update) to one corpus, named
// by its directory, so that labelling a new corpus leaves the others'
// truth files as they are.
var onlySet = flag.String("set", "", "label or check only this held-apart corpus (e.g. heldout5)")

// heldoutSet is one held-apart corpus and its ground truth.
type heldoutSet struct {
	name, dir, truth string
	// The figures (script bodies, default --fail-on) measured when the
	// set was last scored; a change to the analyzer that lowers them fails
	// TestHeldoutScore.
	recallFloor, precisionFloor float64
	// unscored: labelled, but kept from TestHeldoutScore until the
	// changes it was collected to measure are finished.
	unscored bool
}

var heldoutSets = []heldoutSet{
	{name: "held-apart corpus", dir: "../../testdata/ash/heldout", truth: "../../testdata/ash/heldout-truth.json", recallFloor: 1.00, precisionFloor: 0.98},
	{name: "second held-apart corpus", dir: "../../testdata/ash/heldout2", truth: "../../testdata/ash/heldout2-truth.json", recallFloor: 0.96, precisionFloor: 0.96},
	{name: "third held-apart corpus", dir: "../../testdata/ash/heldout3", truth: "../../testdata/ash/heldout3-truth.json", recallFloor: 0.875, precisionFloor: 1.00},
	// Scored once at 0.615 / 0.800; its misses were read and fixed by
	// category since, so its figure now measures fitting.
	{name: "fourth held-apart corpus", dir: "../../testdata/ash/heldout4", truth: "../../testdata/ash/heldout4-truth.json", recallFloor: 0.884, precisionFloor: 0.958},
	// Scored once at 0.724 / 0.750, after the changes it was collected
	// to measure; its misses were read and fixed by category since.
	{name: "fifth held-apart corpus", dir: "../../testdata/ash/heldout5", truth: "../../testdata/ash/heldout5-truth.json", recallFloor: 0.965, precisionFloor: 0.875},
	// Scored once at 0.857 / 0.857 and 1.000 / 0.667, after the changes
	// they were collected to measure; read and fixed by category since.
	{name: "sixth held-apart corpus", dir: "../../testdata/ash/heldout6", truth: "../../testdata/ash/heldout6-truth.json", recallFloor: 1.00, precisionFloor: 0.913},
	{name: "seventh held-apart corpus", dir: "../../testdata/ash/heldout7", truth: "../../testdata/ash/heldout7-truth.json", recallFloor: 1.00, precisionFloor: 0.857},
	// Scored once at 0.917 / 0.524 and 0.800 / 0.828, after the changes
	// they were collected to measure; read and fixed by judgement since.
	{name: "eighth held-apart corpus", dir: "../../testdata/ash/heldout8", truth: "../../testdata/ash/heldout8-truth.json", recallFloor: 0.916, precisionFloor: 0.733},
	{name: "ninth held-apart corpus", dir: "../../testdata/ash/heldout9", truth: "../../testdata/ash/heldout9-truth.json", recallFloor: 1.00, precisionFloor: 0.909},
	// Scored once, after the changes they were collected to measure.
	{name: "tenth held-apart corpus", dir: "../../testdata/ash/heldout10", truth: "../../testdata/ash/heldout10-truth.json", recallFloor: 0.900, precisionFloor: 0.620},
	{name: "eleventh held-apart corpus", dir: "../../testdata/ash/heldout11", truth: "../../testdata/ash/heldout11-truth.json", recallFloor: 0.911, precisionFloor: 0.939},
}

func readScripts(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".sh") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// TestHeldoutTruth runs the held-apart scripts under both shells and
// checks (or, with -update, rewrites) which of them behave differently
// under ash.
func TestHeldoutTruth(t *testing.T) {
	if *onlySet != "" && !slices.ContainsFunc(heldoutSets, func(s heldoutSet) bool { return filepath.Base(s.dir) == *onlySet }) {
		t.Fatalf("-set %s: no such held-apart corpus", *onlySet)
	}
	f := fleet.Start(t, 1)
	for _, set := range heldoutSets {
		if *onlySet != "" && filepath.Base(set.dir) != *onlySet {
			continue
		}
		truth := labelScripts(t, f, readScripts(t, set.dir))
		if *update {
			writeJSON(t, set.truth, truth)
			continue
		}
		recorded := readTruthFile(t, set.truth)
		differs := func(e truthEntry) bool {
			r, ok := recorded[e.Script]
			return !ok || r.Breaks != e.Breaks || verdict(r.BodyBreaks) != verdict(e.BodyBreaks)
		}
		// A script whose label differs is labelled once more: a few use
		// the clock as their sources do ($SECONDS read just after it was
		// set), and a second that ticks over between the two is not a
		// change of either shell. A label that differs twice is one.
		again := map[string][]byte{}
		scripts := readScripts(t, set.dir)
		for _, e := range truth {
			if differs(e) {
				again[e.Script] = scripts[e.Script]
			}
		}
		if len(again) == 0 {
			continue
		}
		for _, e := range labelScripts(t, f, again) {
			if differs(e) {
				r := recorded[e.Script]
				if sameWithoutNotices(r, e) {
					t.Logf("%s: labelled otherwise only by whether bash printed a killed job's notice, which is a race: kept as recorded", e.Script)
					continue
				}
				t.Errorf("%s: breaks=%v (body %s) under the shells now, twice; %s says %v (body %s); run go test -run TestHeldoutTruth -update",
					e.Script, e.Breaks, verdict(e.BodyBreaks), set.truth, r.Breaks, verdict(r.BodyBreaks))
			}
		}
	}
}

// sameWithoutNotices says whether two labellings of a script agree once
// the shells' job notices ("line 5: 123 Killed  sleep 30") are left out
// of stderr: bash prints a killed job's notice only if it reaps the job
// before the script ends, so the notice comes and goes with the load.
func sameWithoutNotices(a, b truthEntry) bool {
	strip := func(o Outcome) Outcome {
		var kept []string
		for _, line := range strings.SplitAfter(o.Stderr, "\n") {
			if !jobNotice.MatchString(line) {
				kept = append(kept, line)
			}
		}
		o.Stderr = strings.Join(kept, "")
		return o
	}
	verdicts := func(e truthEntry) (bool, string) {
		body := "none"
		if e.AshAsSh != nil {
			body = fmt.Sprint(differs(pair{Ash: strip(*e.AshAsSh), Bash: strip(e.Bash)}))
		}
		return differs(pair{Ash: strip(e.Ash), Bash: strip(e.Bash)}), body
	}
	ab, abody := verdicts(a)
	bb, bbody := verdicts(b)
	return ab == bb && abody == bbody
}

func readTruthFile(t testing.TB, path string) map[string]truthEntry {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var entries []truthEntry
	if err := json.Unmarshal(b, &entries); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	m := map[string]truthEntry{}
	for _, e := range entries {
		m[e.Script] = e
	}
	return m
}

// score is recall and precision of a verdict against the ground truth.
type score struct{ tp, fp, fn, tn int }

func (s score) recall() float64    { return float64(s.tp) / float64(max(s.tp+s.fn, 1)) }
func (s score) precision() float64 { return float64(s.tp) / float64(max(s.tp+s.fp, 1)) }

func (s *score) add(flagged, breaks bool) {
	switch {
	case flagged && breaks:
		s.tp++
	case flagged:
		s.fp++
	case breaks:
		s.fn++
	default:
		s.tn++
	}
}

// heldoutScores scores the analyzer on the held-apart corpus: whole
// scripts (a #!/bin/bash line is itself a finding and the script fails on
// Alpine without bash), and bodies (scripts run with /bin/sh anyway,
// judged without the bash-shebang finding: what the constructs do).
func heldoutScores(t testing.TB, set heldoutSet, failOn Severity, logf func(string, ...any)) (whole, body score) {
	corpus := readScripts(t, set.dir)
	truth := readTruthFile(t, set.truth)
	names := make([]string, 0, len(corpus))
	for name := range corpus {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		want, ok := truth[name]
		if !ok {
			t.Errorf("%s has no ground truth: run go test -run TestHeldoutTruth -update", name)
			continue
		}
		fs := Analyze(name, corpus[name])
		whole.add(AtLeast(fs, failOn), want.Breaks)
		breaks := want.Breaks
		if want.BodyBreaks != nil {
			breaks = *want.BodyBreaks
		}
		bodyFs := slices.DeleteFunc(slices.Clone(fs), func(f Finding) bool { return f.Rule == "bash-shebang" })
		flagged := AtLeast(bodyFs, failOn)
		body.add(flagged, breaks)
		if logf != nil {
			switch {
			case flagged && !breaks:
				logf("false alarm: %s: %v", name, bodyFs)
			case !flagged && breaks:
				ash := want.Ash
				if want.AshAsSh != nil {
					ash = *want.AshAsSh
				}
				logf("missed: %s (ash exit %d stdout %q stderr %q; bash exit %d stdout %q)", name, ash.Exit, ash.Stdout, ash.Stderr, want.Bash.Exit, want.Bash.Stdout)
			}
		}
	}
	return whole, body
}

// TestHeldoutScore reports recall and precision on each held-apart corpus
// and fails when they drop below what was measured.
func TestHeldoutScore(t *testing.T) {
	for _, set := range heldoutSets {
		t.Run(filepath.Base(set.dir), func(t *testing.T) {
			if set.unscored {
				t.Skip("not scored yet: it is scored once, after the analyzer changes it was collected to measure")
			}
			whole, body := heldoutScores(t, set, defaultFailOn, t.Logf)
			t.Logf("%s, lint-sh exit code (--fail-on %s), script bodies: recall %.3f, precision %.3f (tp=%d fp=%d fn=%d tn=%d)",
				set.name, defaultFailOn, body.recall(), body.precision(), body.tp, body.fp, body.fn, body.tn)
			t.Logf("%s, whole scripts, #!/bin/bash counted: recall %.3f, precision %.3f (tp=%d fp=%d fn=%d tn=%d)",
				set.name, whole.recall(), whole.precision(), whole.tp, whole.fp, whole.fn, whole.tn)
			e, eb := heldoutScores(t, set, SeverityError, nil)
			t.Logf("%s, with --fail-on error: bodies recall %.3f, precision %.3f; whole recall %.3f, precision %.3f",
				set.name, eb.recall(), eb.precision(), e.recall(), e.precision())
			if body.recall() < set.recallFloor || body.precision() < set.precisionFloor {
				t.Errorf("recall %.3f / precision %.3f fell below the measured %.3f / %.3f", body.recall(), body.precision(), set.recallFloor, set.precisionFloor)
			}
		})
	}
}

// TestSameWithoutNotices: a labelling that differs only by bash's notice
// of a killed job is the same labelling; one that differs in output is
// not.
func TestSameWithoutNotices(t *testing.T) {
	recorded := readTruthFile(t, "../../testdata/ash/heldout-truth.json")["init-start-stop.sh"]
	if !strings.Contains(recorded.Bash.Stderr, "Killed") {
		t.Fatalf("the recorded run has no job notice to test with: %q", recorded.Bash.Stderr)
	}
	quiet := recorded
	quiet.Bash.Stderr = ""
	if !sameWithoutNotices(recorded, quiet) {
		t.Error("a run without bash's job notice counts as another labelling")
	}
	other := quiet
	other.Bash.Stdout += "more\n"
	if sameWithoutNotices(recorded, other) {
		t.Error("a run with other output counts as the same labelling")
	}
}
