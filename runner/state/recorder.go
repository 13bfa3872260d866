package state

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"

	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/transport"
)

// Recorder is the observer that writes a run's events to the store as
// they happen. A write that fails is kept as the first error (see Err);
// the run goes on, since stopping a rollout halfway because a local disk
// filled up would be worse.
type Recorder struct {
	store *Store
	runID string
	now   func() time.Time
	// Who started the run, recorded with it.
	Who Operator
	// Shard is set when the run is one shard of a group: the group
	// records the run's row, halt and end (group.go); the recorder only
	// this shard's hosts, steps and waves.
	Shard bool

	mu  sync.Mutex
	err error
}

var _ runner.Observer = (*Recorder)(nil)

// Recorder returns an observer that records the run runID.
func (s *Store) Recorder(runID string) *Recorder {
	return &Recorder{store: s, runID: runID, now: time.Now}
}

// WithClock makes the recorder read the time from now: a run replayed
// from events (a report's test, an import) keeps the times it had.
func (r *Recorder) WithClock(now func() time.Time) *Recorder {
	r.now = now
	return r
}

// Err is the first write that failed, if any.
func (r *Recorder) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

func (r *Recorder) Event(ev runner.Event) {
	now := r.now().UTC().Format(time.RFC3339Nano)
	var err error
	db := r.store.db
	switch e := ev.(type) {
	case runner.RunStarted:
		if r.Shard {
			// The group recorded the run and its hosts when it formed;
			// the first shard to start adds what its page shows.
			var phases, route string
			if phases, route, err = runShape(e); err == nil {
				_, err = db.Exec(`UPDATE runs SET phases = ?, route = ? WHERE id = ? AND phases IS NULL`, phases, route, r.runID)
			}
			break
		}
		err = r.runStarted(e, now)
	case runner.WaveStarted:
		if e.Fleet > 0 {
			// One row per wave of the fleet: the first shard to start it
			// records it.
			_, err = db.Exec(`INSERT INTO waves (run_id, wave, hosts, tolerance, started_at, rollout) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
				r.runID, e.Index, e.Fleet, e.Tolerance, now, e.Rollout)
		} else {
			_, err = db.Exec(`INSERT INTO waves (run_id, wave, hosts, tolerance, started_at, rollout) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (run_id, wave) DO UPDATE SET hosts = excluded.hosts, tolerance = excluded.tolerance, started_at = excluded.started_at,
			rollout = excluded.rollout, finished_at = NULL, ok = NULL, failed = NULL, unreachable = NULL`,
				r.runID, e.Index, len(e.Hosts), e.Tolerance, now, e.Rollout)
		}
		for _, h := range e.Hosts {
			if err != nil {
				break
			}
			_, err = db.Exec(`UPDATE hosts SET wave = ?, updated_at = ? WHERE run_id = ? AND host = ?`, e.Index, now, r.runID, h)
		}
	case runner.WaveFinished:
		// Counted from the hosts' rows, which every shard of a group
		// writes: the last shard to finish the wave leaves the fleet's
		// counts.
		_, err = db.Exec(`UPDATE waves SET finished_at = ?,
			ok = (SELECT COUNT(*) FROM hosts WHERE run_id = ? AND wave = ? AND status = 'ok'),
			failed = (SELECT COUNT(*) FROM hosts WHERE run_id = ? AND wave = ? AND status = 'failed'),
			unreachable = (SELECT COUNT(*) FROM hosts WHERE run_id = ? AND wave = ? AND status = 'unreachable')
			WHERE run_id = ? AND wave = ?`,
			now, r.runID, e.Index, r.runID, e.Index, r.runID, e.Index, r.runID, e.Index)
	case runner.Halted:
		if !r.Shard { // a group's halt is recorded by the shard that halted it
			_, err = db.Exec(`UPDATE runs SET halt_wave = ?, halt_reason = ?, halted_at = ? WHERE id = ? AND halt_reason IS NULL`, e.Wave, e.Reason, now, r.runID)
		}
	case runner.HostStarted:
		_, err = db.Exec(`UPDATE hosts SET status = 'running', started_at = ?, finished_at = NULL, updated_at = ? WHERE run_id = ? AND host = ?`,
			now, now, r.runID, e.Host)
	case runner.StepStarted:
		_, err = db.Exec(`INSERT INTO steps (run_id, host, phase, step, status, started_at) VALUES (?, ?, ?, ?, 'running', ?)
			ON CONFLICT (run_id, host, phase, step) DO UPDATE SET status = 'running', started_at = excluded.started_at, finished_at = NULL, error = NULL`,
			r.runID, e.Host, e.Phase, e.Step, now)
	case runner.StepFinished:
		_, err = db.Exec(`UPDATE steps SET status = ?, finished_at = ?, error = ?, type = ?, diff = ?, reason = ?, ignored = ?, attempts = ?, duration_ms = ?
			WHERE run_id = ? AND host = ? AND phase = ? AND step = ?`,
			string(e.Status), now, errText(e.Err), e.Type, capDiff(e.Diff), e.Reason, b2i(e.Ignored), e.Attempts, e.Duration.Milliseconds(),
			r.runID, e.Host, e.Phase, e.Step)
		column := map[runner.Status]string{runner.StatusOK: "ok", runner.StatusChanged: "changed", runner.StatusFailed: "failed"}[e.Status]
		if e.Ignored {
			column = "ok" // the host went on
		}
		if transport.IsUnreachable(e.Err) {
			column = "" // the host is counted unreachable, not failed
		}
		if err == nil && column != "" {
			_, err = db.Exec(`UPDATE hosts SET `+column+` = `+column+` + 1, updated_at = ? WHERE run_id = ? AND host = ?`, now, r.runID, e.Host)
		}
	case runner.HostFinished:
		_, err = db.Exec(`UPDATE hosts SET status = ?, error = ?, finished_at = ?, updated_at = ? WHERE run_id = ? AND host = ?`,
			string(e.Status), errText(e.Err), now, now, r.runID, e.Host)
	case runner.PhaseEntered:
		var line string
		if line, err = phaseLine(e); err == nil {
			_, err = db.Exec(`UPDATE hosts SET phases = COALESCE(phases, '') || ?, updated_at = ? WHERE run_id = ? AND host = ?`,
				line, now, r.runID, e.Host)
		}
	case runner.SnapshotTaken:
		var settings string
		if settings, err = encodeSettings(e.Snapshot.Settings); err == nil {
			_, err = db.Exec(`UPDATE hosts SET snapshot = ?, snapshot_digest = ?, snapshot_provider = ?, snapshot_settings = ?, snapshot_at = ?, updated_at = ? WHERE run_id = ? AND host = ?`,
				e.Snapshot.Location, e.Snapshot.Digest, e.Snapshot.Provider, settings, now, now, r.runID, e.Host)
		}
	case runner.RollbackStarted:
		_, err = db.Exec(`UPDATE hosts SET rollback_started_at = ?, updated_at = ? WHERE run_id = ? AND host = ?`, now, now, r.runID, e.Host)
	case runner.RollbackFinished:
		_, err = db.Exec(`UPDATE hosts SET rolled_back = ?, rollback_error = ?, rollback_finished_at = ?, updated_at = ? WHERE run_id = ? AND host = ?`,
			b2i(e.Err == nil), errText(e.Err), now, now, r.runID, e.Host)
	case runner.RunFinished:
		if !r.Shard { // a group's run ends with its last shard (Group.Leave)
			_, err = db.Exec(`UPDATE runs SET finished_at = ?, exit_code = ? WHERE id = ?`, now, e.Recap.ExitCode(), r.runID)
		}
	}
	if err != nil {
		r.mu.Lock()
		if r.err == nil {
			r.err = fmt.Errorf("recording the run in the state database: %w", err)
		}
		r.mu.Unlock()
	}
}

// runStarted records the run and its hosts in one transaction. A resumed
// run starts again under its own id: its row is reopened and the hosts it
// already finished keep their results.
func (r *Recorder) runStarted(e runner.RunStarted, now string) error {
	t, err := r.store.db.BeginTx(context.Background(), nil)
	if err != nil {
		return err
	}
	ctx := context.Background()
	phases, route, err := runShape(e)
	if err != nil {
		_ = t.Rollback()
		return err
	}
	if _, err := t.ExecContext(ctx, `INSERT INTO runs (id, playbook, started_at, hosts, waves, strategy, check_mode, operator, controller, phases, route)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET finished_at = NULL, exit_code = NULL, halt_wave = NULL, halt_reason = NULL, halted_at = NULL`,
		r.runID, e.Playbook, now, len(e.Hosts), len(e.Waves), string(e.Route.Strategy), b2i(e.CheckMode),
		nullable(r.Who.Name), nullable(r.Who.Controller), phases, route); err != nil {
		_ = t.Rollback()
		return err
	}
	for _, h := range e.Hosts {
		if _, err := t.ExecContext(ctx, `INSERT INTO hosts (run_id, host, status, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			r.runID, h, string(runner.HostNotStarted), now); err != nil {
			_ = t.Rollback()
			return err
		}
	}
	return t.Commit()
}

func errText(err error) sql.NullString {
	if err == nil {
		return sql.NullString{}
	}
	return sql.NullString{String: err.Error(), Valid: true}
}
