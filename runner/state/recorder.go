package state

import (
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
		// A resumed run starts again under its own id: its row is reopened
		// and the hosts it already finished keep their results.
		var phases, route string
		if phases, route, err = runShape(e); err != nil {
			break
		}
		_, err = db.Exec(`INSERT INTO runs (id, playbook, started_at, hosts, waves, strategy, check_mode, phases, route) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET finished_at = NULL, exit_code = NULL, halt_wave = NULL, halt_reason = NULL, halted_at = NULL`,
			r.runID, e.Playbook, now, len(e.Hosts), len(e.Waves), string(e.Route.Strategy), e.CheckMode, phases, route)
		for _, h := range e.Hosts {
			if err != nil {
				break
			}
			_, err = db.Exec(`INSERT OR IGNORE INTO hosts (run_id, host, status, updated_at) VALUES (?, ?, ?, ?)`,
				r.runID, h, string(runner.HostNotStarted), now)
		}
	case runner.WaveStarted:
		_, err = db.Exec(`INSERT OR REPLACE INTO waves (run_id, wave, hosts, tolerance, started_at, rollout) VALUES (?, ?, ?, ?, ?, ?)`,
			r.runID, e.Index, len(e.Hosts), e.Tolerance, now, e.Rollout)
		for _, h := range e.Hosts {
			if err != nil {
				break
			}
			_, err = db.Exec(`UPDATE hosts SET wave = ?, updated_at = ? WHERE run_id = ? AND host = ?`, e.Index, now, r.runID, h)
		}
	case runner.WaveFinished:
		_, err = db.Exec(`UPDATE waves SET finished_at = ?, ok = ?, failed = ?, unreachable = ? WHERE run_id = ? AND wave = ?`,
			now, e.OK, e.Failed, e.Unreachable, r.runID, e.Index)
	case runner.Halted:
		_, err = db.Exec(`UPDATE runs SET halt_wave = ?, halt_reason = ?, halted_at = ? WHERE id = ?`, e.Wave, e.Reason, now, r.runID)
	case runner.HostStarted:
		_, err = db.Exec(`UPDATE hosts SET status = 'running', started_at = ?, finished_at = NULL, updated_at = ? WHERE run_id = ? AND host = ?`,
			now, now, r.runID, e.Host)
	case runner.StepStarted:
		_, err = db.Exec(`INSERT OR REPLACE INTO steps (run_id, host, phase, step, status, started_at) VALUES (?, ?, ?, ?, 'running', ?)`,
			r.runID, e.Host, e.Phase, e.Step, now)
	case runner.StepFinished:
		_, err = db.Exec(`UPDATE steps SET status = ?, finished_at = ?, error = ?, type = ?, diff = ?, reason = ?, ignored = ?, attempts = ?, duration_ms = ?
			WHERE run_id = ? AND host = ? AND phase = ? AND step = ?`,
			string(e.Status), now, errText(e.Err), e.Type, capDiff(e.Diff), e.Reason, e.Ignored, e.Attempts, e.Duration.Milliseconds(),
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
			e.Err == nil, errText(e.Err), now, now, r.runID, e.Host)
	case runner.RunFinished:
		_, err = db.Exec(`UPDATE runs SET finished_at = ?, exit_code = ? WHERE id = ?`, now, e.Recap.ExitCode(), r.runID)
	}
	if err != nil {
		r.mu.Lock()
		if r.err == nil {
			r.err = fmt.Errorf("recording the run in the state database: %w", err)
		}
		r.mu.Unlock()
	}
}

func errText(err error) sql.NullString {
	if err == nil {
		return sql.NullString{}
	}
	return sql.NullString{String: err.Error(), Valid: true}
}
