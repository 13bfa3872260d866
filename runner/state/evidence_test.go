package state

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// clock is a recorder's time, moved on by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time        { return c.t }
func (c *clock) after(d time.Duration) { c.t = c.t.Add(d) }
func at(s string) time.Time            { t, _ := time.Parse(time.RFC3339, s); return t }
func openAt(t *testing.T, location string) *Store {
	t.Helper()
	st, err := Open(location)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// recordRun records a run of two hosts in two waves: "a" changes its
// phases (ph1 takes 2s, ph2 3s); "b" fails ph1 after 4s and is rolled
// back; the run halts. check says check mode.
func recordRun(t *testing.T, st *Store, id, playbook string, start time.Time, check bool) {
	t.Helper()
	c := &clock{t: start}
	rec := st.Recorder(id).WithClock(c.now)
	route := rollout.Route{Strategy: rollout.Waves, Rollback: rollout.RollbackWave, MaxFail: rollout.MustParseThreshold("0")}
	rec.Event(runner.RunStarted{Playbook: playbook, Hosts: []string{"a", "b"}, Phases: []string{"ph1", "ph2"}, Route: route,
		Waves: []int{1, 1}, CheckMode: check, Segments: []runner.SegmentInfo{{Hosts: 2, Route: route, Waves: []int{1, 1}}}})
	rec.Event(runner.WaveStarted{Index: 1, Of: 2, Hosts: []string{"a"}})
	rec.Event(runner.HostStarted{Host: "a", Wave: 1})
	c.after(time.Second)
	rec.Event(runner.SnapshotTaken{Host: "a", Snapshot: snapshot.Snapshot{Location: "/snap/a"}})
	for _, s := range []struct {
		phase string
		took  time.Duration
	}{{"ph1", 2 * time.Second}, {"ph2", 3 * time.Second}} {
		rec.Event(runner.StepStarted{Host: "a", Phase: s.phase, Step: "s"})
		c.after(s.took)
		rec.Event(runner.StepFinished{Host: "a", Phase: s.phase, Step: "s", Type: "file", Status: runner.StatusChanged,
			Diff: "--- before\n+++ after\n+x\n", Attempts: 1, Duration: s.took})
	}
	// A failure the step ignores (ignore_errors) is not a failure of ph2.
	rec.Event(runner.StepStarted{Host: "a", Phase: "ph2", Step: "optional"})
	rec.Event(runner.StepFinished{Host: "a", Phase: "ph2", Step: "optional", Type: "command", Status: runner.StatusFailed,
		Err: errors.New("no such file"), Ignored: true, Attempts: 1})
	rec.Event(runner.HostFinished{Host: "a", Status: runner.HostOK})
	rec.Event(runner.WaveFinished{Index: 1, OK: 1})
	rec.Event(runner.WaveStarted{Index: 2, Of: 2, Hosts: []string{"b"}})
	rec.Event(runner.HostStarted{Host: "b", Wave: 2})
	rec.Event(runner.SnapshotTaken{Host: "b", Snapshot: snapshot.Snapshot{Location: "/snap/b"}})
	rec.Event(runner.StepStarted{Host: "b", Phase: "ph1", Step: "s"})
	c.after(4 * time.Second)
	rec.Event(runner.StepFinished{Host: "b", Phase: "ph1", Step: "s", Type: "file", Status: runner.StatusFailed,
		Err: errors.New("boom"), Attempts: 1, Duration: 4 * time.Second})
	rec.Event(runner.HostFinished{Host: "b", Status: runner.HostFailed, Err: errors.New("boom")})
	rec.Event(runner.Halted{Wave: 2, Reason: "1 of 1 host(s) in wave 2 failed"})
	rec.Event(runner.WaveFinished{Index: 2, Failed: 1})
	rec.Event(runner.RollbackStarted{Host: "b"})
	c.after(time.Second)
	rec.Event(runner.RollbackFinished{Host: "b"})
	rec.Event(runner.RunFinished{Recap: &runner.Recap{Halt: &runner.Halted{Wave: 2}}})
	if err := rec.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestEvidenceIsRecorded: the times, diffs, waves and route a report
// needs come back from the store as they were recorded.
func TestEvidenceIsRecorded(t *testing.T) { eachBackend(t, testEvidenceIsRecorded) }

func testEvidenceIsRecorded(t *testing.T, location string) {
	st := openAt(t, location)
	ctx := context.Background()
	start := at("2026-11-20T10:00:00Z")
	recordRun(t, st, "r1", "convert", start, false)

	r, err := st.Run(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(r.Phases, ",") != "ph1,ph2" || len(r.Route) != 1 || r.Route[0].Rollback != "wave" ||
		r.Route[0].MaxFail != "0" || len(r.Route[0].Waves) != 2 || !r.HaltedAt.Equal(start.Add(10*time.Second)) {
		t.Errorf("run = %+v", r)
	}
	waves, err := st.Waves(ctx, "r1")
	if err != nil || len(waves) != 2 || waves[1].Failed != 1 || !waves[1].Finished || !waves[0].StartedAt.Equal(start) {
		t.Fatalf("waves = %+v, %v", waves, err)
	}
	hosts, err := st.Hosts(ctx, "r1")
	if err != nil || len(hosts) != 2 {
		t.Fatal(hosts, err)
	}
	a, b := hosts[0], hosts[1]
	if !a.StartedAt.Equal(start) || !a.FinishedAt.Equal(start.Add(6*time.Second)) || !a.SnapshotAt.Equal(start.Add(time.Second)) {
		t.Errorf("a's times: %+v", a)
	}
	if !b.RolledBack || !b.RollbackStartedAt.Equal(start.Add(10*time.Second)) || !b.RollbackFinishedAt.Equal(start.Add(11*time.Second)) {
		t.Errorf("b's rollback: %+v", b)
	}
	steps, err := st.Steps(ctx, "r1")
	if err != nil || len(steps) != 4 {
		t.Fatal(steps, err)
	}
	if s := steps[0]; s.Type != "file" || !strings.Contains(s.Diff, "+x") || s.Duration != 2*time.Second || s.Attempts != 1 {
		t.Errorf("step = %+v", s)
	}
}

// TestStatsQueries: phase samples and run counts cover the runs the
// filter selects: not check-mode runs, not older ones, not other
// playbooks.
func TestStatsQueries(t *testing.T) { eachBackend(t, testStatsQueries) }

func testStatsQueries(t *testing.T, location string) {
	st := openAt(t, location)
	ctx := context.Background()
	now := at("2026-11-20T10:00:00Z")
	recordRun(t, st, "r1", "convert", now, false)
	recordRun(t, st, "r2", "convert", now.Add(time.Hour), false)
	recordRun(t, st, "r3", "convert", now.Add(2*time.Hour), true)       // check mode
	recordRun(t, st, "r4", "other", now.Add(3*time.Hour), false)        // another playbook
	recordRun(t, st, "r0", "convert", now.Add(-40*24*time.Hour), false) // too old

	f := StatsFilter{Playbook: "convert", Since: now.Add(-30 * 24 * time.Hour)}
	samples, err := st.PhaseSamples(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range samples {
		got = append(got, s.RunID+"/"+s.Host+"/"+s.Phase+"="+s.Duration.String()+map[bool]string{true: "!", false: ""}[s.Failed])
	}
	if want := "r1/a/ph1=2s r1/a/ph2=3s r1/b/ph1=4s! r2/a/ph1=2s r2/a/ph2=3s r2/b/ph1=4s!"; strings.Join(got, " ") != want {
		t.Errorf("samples:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	c, err := st.RunCounts(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	want := RunCounts{Runs: 2, Finished: 2, Halted: 2, Hosts: 4, Touched: 4, RolledBack: 2, Phases: []string{"ph1", "ph2"}}
	if c.Runs != want.Runs || c.Finished != want.Finished || c.Halted != want.Halted || c.Hosts != want.Hosts ||
		c.Touched != want.Touched || c.RolledBack != want.RolledBack || strings.Join(c.Phases, ",") != "ph1,ph2" {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	all, err := st.RunCounts(ctx, StatsFilter{})
	if err != nil || all.Runs != 4 {
		t.Errorf("without a filter: %+v, %v (want the 4 runs that were not in check mode)", all, err)
	}
}
