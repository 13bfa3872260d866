package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/rollout"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text\nnext\tline", "plain text\nnext\tline"},
		{"\x1b[31mred\x1b[0m", "?[31mred?[0m"},
		{"bell\a and \r return", "bell? and ? return"},
		{"c1 \u009b csi", "c1 ? csi"},
		{"ünïcödé", "ünïcödé"},
	}
	for _, tt := range tests {
		if got := sanitize(tt.in); got != tt.want {
			t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatrix(t *testing.T) {
	var out strings.Builder
	c := &Console{Out: &out}
	phases := []string{"one", "two", "three"}
	c.Event(runner.RunStarted{Playbook: "p", Hosts: []string{"ok", "failed", "down", "halted", "later"}, Phases: phases, Steps: 3,
		Route: rollout.Route{Strategy: rollout.Waves}.Resolve(), Waves: []int{4, 1}})
	step := func(host, phase string, st runner.Status) {
		c.Event(runner.StepFinished{Host: host, Phase: phase, Step: "s", Status: st})
	}
	step("ok", "one", runner.StatusChanged)
	step("ok", "two", runner.StatusOK)
	step("ok", "three", runner.StatusOK)
	step("failed", "one", runner.StatusOK)
	step("failed", "two", runner.StatusFailed)
	step("halted", "one", runner.StatusChanged)
	c.Event(runner.RunFinished{Recap: &runner.Recap{Hosts: []*runner.HostRecap{
		{Host: "ok", Status: runner.HostOK},
		{Host: "failed", Status: runner.HostFailed, RolledBack: true},
		{Host: "down", Status: runner.HostUnreachable},
		{Host: "halted", Status: runner.HostHalted, RollbackErr: errors.New("x")},
		{Host: "later", Status: runner.HostNotStarted},
	}}})
	for _, want := range []string{
		"ok      changed      ok       ok     ok\n",
		"failed  ok           failed   skipped  failed, rolled back\n",
		"down    unreachable  -        -        unreachable\n",
		"halted  changed      halted   -        halted, ROLLBACK FAILED\n",
		"later   -            -        -        not started\n",
	} {
		if !strings.Contains(strings.Join(strings.Fields(out.String()), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("matrix lacks row %q:\n%s", want, out.String())
		}
	}
}

func TestJSONLines(t *testing.T) {
	var out strings.Builder
	j := &JSON{Out: &out, Now: func() time.Time { return time.Unix(0, 0) }}
	j.Event(runner.StepFinished{Host: "h", Phase: "p", Step: "s", Status: runner.StatusFailed, Err: errors.New("boom\x1b[31m")})
	j.Event(runner.RunFinished{Recap: &runner.Recap{Hosts: []*runner.HostRecap{{Host: "h", Status: runner.HostFailed}}}})
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), out.String())
	}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not JSON: %s", l)
		}
		if m["event"] == "" || m["time"] != "1970-01-01T00:00:00Z" {
			t.Errorf("missing event or time: %s", l)
		}
	}
	if !strings.Contains(lines[0], `"error":"boom?[31m"`) || !strings.Contains(lines[1], `"exit_code":2`) {
		t.Errorf("unexpected content:\n%s", out.String())
	}
}

// TestProgressBarOnlyWhereAsked: with a Progress writer (a terminal) the
// console draws a bar there and clears it at the end; without one, the
// output has no bar at all.
func TestProgressBarOnlyWhereAsked(t *testing.T) {
	run := func(progress *strings.Builder) string {
		var out strings.Builder
		c := &Console{Out: &out}
		if progress != nil {
			c.Progress = progress
		}
		c.Event(runner.RunStarted{Playbook: "p", Hosts: []string{"h"}, Phases: []string{"one"}, Steps: 2, Route: rollout.Route{}.Resolve(), Waves: []int{1}})
		c.Event(runner.HostStarted{Host: "h", Endpoint: "root@h:22"})
		c.Event(runner.StepStarted{Host: "h", Phase: "one", Step: "a"})
		c.Event(runner.StepFinished{Host: "h", Phase: "one", Step: "a", Status: runner.StatusChanged})
		if progress != nil && !strings.Contains(progress.String(), "(1/2)") {
			t.Errorf("no bar at 1 of 2 steps on the terminal: %q", progress.String())
		}
		c.Event(runner.StepFinished{Host: "h", Phase: "one", Step: "b", Status: runner.StatusOK})
		c.Event(runner.HostFinished{Host: "h", Status: runner.HostOK})
		c.Event(runner.RunFinished{Recap: &runner.Recap{Hosts: []*runner.HostRecap{{Host: "h", Status: runner.HostOK}}}})
		return out.String()
	}
	var bar strings.Builder
	if out := run(&bar); strings.Contains(out, "(1/2)") || !strings.Contains(out, "RECAP") {
		t.Errorf("the bar leaked into the report, or the report is missing:\n%s", out)
	}
	if out := run(nil); strings.Contains(out, "|") || !strings.Contains(out, "changed  one / a") {
		t.Errorf("plain output has a bar or lacks the step line:\n%s", out)
	}
}

// With several waves the bar says how far the current wave is, beside
// the run's overall count.
func TestProgressShowsTheWave(t *testing.T) {
	var out, bar strings.Builder
	c := &Console{Out: &out, Progress: &bar}
	c.Event(runner.RunStarted{Playbook: "p", Hosts: []string{"a", "b", "c"}, Phases: []string{"one"}, Steps: 1,
		Route: rollout.Route{}.Resolve(), Waves: []int{1, 2}})
	c.Event(runner.WaveStarted{Index: 2, Of: 2, Hosts: []string{"b", "c"}})
	c.Event(runner.HostStarted{Host: "b", Endpoint: "root@b:22"})
	c.Event(runner.StepFinished{Host: "b", Phase: "one", Step: "s", Status: runner.StatusOK})
	c.Event(runner.HostFinished{Host: "b", Status: runner.HostOK})
	c.Event(runner.HostStarted{Host: "c", Endpoint: "root@c:22"})
	if !strings.Contains(bar.String(), "wave 2/2: 1/2 host(s) done") || !strings.Contains(bar.String(), "(1/3)") {
		t.Errorf("the bar lacks the wave's or the run's progress: %q", bar.String())
	}
}

func TestLongDiffsAreCutUnlessAsked(t *testing.T) {
	var diff strings.Builder
	for i := range 30 {
		fmt.Fprintf(&diff, "+line %d\n", i)
	}
	for _, full := range []bool{false, true} {
		c := &Console{Diff: full}
		got := c.shortDiff(diff.String())
		switch {
		case full && got != diff.String():
			t.Errorf("--diff changed the diff:\n%s", got)
		case !full && (!strings.Contains(got, "+line 11\n") || strings.Contains(got, "+line 12\n") ||
			!strings.Contains(got, "18 more line(s); --diff shows whole diffs")):
			t.Errorf("the diff is not cut after %d lines:\n%s", diffLines, got)
		}
	}
	if c := (&Console{}); c.shortDiff("+ a\n+ b\n") != "+ a\n+ b\n" {
		t.Error("a short diff was changed")
	}
}
