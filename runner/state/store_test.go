package state

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/pgtest"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// Every test of the store runs against both backends: a SQLite file and
// a database on a real PostgreSQL server (internal/pgtest).
func eachBackend(t *testing.T, test func(t *testing.T, location string)) {
	t.Run("sqlite", func(t *testing.T) { test(t, filepath.Join(t.TempDir(), "state.db")) })
	t.Run("postgres", func(t *testing.T) { test(t, pgtest.New(t)) })
}

func TestRecorderWritesAsEventsHappen(t *testing.T) { eachBackend(t, testRecorderWritesAsEventsHappen) }

func testRecorderWritesAsEventsHappen(t *testing.T, path string) {
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

// TestSnapshotProviderIsRecorded: the provider and its settings are kept
// with the snapshot, so that a later rollback uses the right provider.
func TestSnapshotProviderIsRecorded(t *testing.T) { eachBackend(t, testSnapshotProviderIsRecorded) }

func testSnapshotProviderIsRecorded(t *testing.T, location string) {
	st, err := Open(location)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	rec := st.Recorder("r1")
	rec.Event(runner.RunStarted{Playbook: "p", Hosts: []string{"a"}, Route: rollout.Route{Strategy: rollout.Serial}, Waves: []int{1}})
	rec.Event(runner.SnapshotTaken{Host: "a", Snapshot: snapshot.Snapshot{Provider: "vagrant", Location: "switchback-r1",
		Settings: map[string]string{"project": "/srv/vms"}}})
	if err := rec.Err(); err != nil {
		t.Fatal(err)
	}
	hosts, err := st.Hosts(ctx, "r1")
	if err != nil || len(hosts) != 1 || hosts[0].SnapshotProvider != "vagrant" || hosts[0].SnapshotSettings["project"] != "/srv/vms" {
		t.Fatalf("hosts = %+v, %v", hosts, err)
	}
	snaps, err := st.Snapshots(ctx)
	if err != nil || len(snaps) != 1 || snaps[0].Provider != "vagrant" || snaps[0].Settings["project"] != "/srv/vms" {
		t.Fatalf("snapshots = %+v, %v", snaps, err)
	}
}

// TestOlderDatabaseGainsColumns: a database made before snapshots had a
// provider column opens, keeps its rows, and reads them as "files".
func TestOlderDatabaseGainsColumns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	old := strings.NewReplacer("\tsnapshot_provider TEXT,\n", "", "\tsnapshot_settings TEXT,\n", "").Replace(schema)
	if old == schema {
		t.Fatal("the schema no longer has the columns this test removes")
	}
	if _, err := db.Exec(old); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO runs (id, playbook, started_at, hosts, waves, strategy, check_mode) VALUES ('r0', 'p', '2026-01-01T00:00:00Z', 1, 1, 'serial', 0);
		INSERT INTO hosts (run_id, host, status, snapshot, snapshot_digest, updated_at) VALUES ('r0', 'a', 'ok', '/var/lib/switchback/snapshots/r0', 'd', '2026-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hosts, err := st.Hosts(context.Background(), "r0")
	if err != nil || len(hosts) != 1 || hosts[0].Snapshot == "" || hosts[0].SnapshotProvider != "" {
		t.Fatalf("hosts = %+v, %v", hosts, err)
	}
}
