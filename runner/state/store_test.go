package state

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

func TestRecorderWritesAsEventsHappen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rec := st.Recorder("r1")
	ctx := context.Background()
	rec.Event(runner.RunStarted{Playbook: "p", Hosts: []string{"a", "b"}, Route: rollout.Route{Strategy: rollout.Waves}, Waves: []int{1, 1}})
	rec.Event(runner.WaveStarted{Index: 1, Of: 2, Hosts: []string{"a"}})
	rec.Event(runner.HostStarted{Host: "a"})
	rec.Event(runner.StepStarted{Host: "a", Phase: "ph", Step: "s1"})

	// Read back through a second connection, as after a crash.
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	runs, err := other.Runs(ctx, 10)
	if err != nil || len(runs) != 1 || runs[0].ExitCode != nil {
		t.Fatalf("runs = %+v, %v", runs, err)
	}
	steps, _ := other.Steps(ctx, "r1")
	if len(steps) != 1 || steps[0].Status != "running" {
		t.Fatalf("steps = %+v", steps)
	}

	rec.Event(runner.SnapshotTaken{Host: "a", Snapshot: snapshot.Snapshot{Location: "/var/lib/switchback/snapshots/r1", Digest: "d"}})
	rec.Event(runner.StepFinished{Host: "a", Phase: "ph", Step: "s1", Status: runner.StatusFailed, Err: errors.New("boom")})
	rec.Event(runner.HostFinished{Host: "a", Status: runner.HostFailed, Err: errors.New("boom")})
	rec.Event(runner.Halted{Wave: 1, Reason: "too many"})
	rec.Event(runner.RollbackFinished{Host: "a"})
	recap := &runner.Recap{Hosts: []*runner.HostRecap{{Host: "a", Status: runner.HostFailed}}, Halt: &runner.Halted{Wave: 1}}
	rec.Event(runner.RunFinished{Recap: recap})
	if err := rec.Err(); err != nil {
		t.Fatal(err)
	}

	r, err := other.Run(ctx, "r1")
	if err != nil || r.ExitCode == nil || *r.ExitCode != runner.ExitHalted || r.HaltReason != "too many" {
		t.Fatalf("run = %+v, %v", r, err)
	}
	hosts, _ := other.Hosts(ctx, "r1")
	if len(hosts) != 2 || hosts[0].Status != "failed" || hosts[0].Failed != 1 || !hosts[0].RolledBack || hosts[0].Snapshot == "" ||
		hosts[1].Status != string(runner.HostNotStarted) {
		t.Errorf("hosts = %+v", hosts)
	}
	if _, err := other.Run(ctx, "nosuch"); !errors.Is(err, ErrNoRun) {
		t.Errorf("unknown run: %v", err)
	}
}
