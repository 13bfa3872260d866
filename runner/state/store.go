// Package state records runs in a SQLite database as they happen: runs,
// waves, each host's outcome and each step's result, snapshots, halts and
// rollbacks. Every event is written before the engine goes on, so killing
// the runner loses nothing that happened before.
package state

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver, pure Go: no cgo on controllers
)

// DefaultPath is $XDG_STATE_HOME/switchback/state.db, or
// ~/.local/state/switchback/state.db.
func DefaultPath(getenv func(string) string) (string, error) {
	if dir := getenv("XDG_STATE_HOME"); dir != "" {
		return filepath.Join(dir, "switchback", "state.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the state directory: %w; pass --state PATH", err)
	}
	return filepath.Join(home, ".local", "state", "switchback", "state.db"), nil
}

// Store is an open state database.
type Store struct {
	db *sql.DB
}

const schema = `
CREATE TABLE IF NOT EXISTS runs (
	id          TEXT PRIMARY KEY,
	playbook    TEXT NOT NULL,
	started_at  TEXT NOT NULL,
	finished_at TEXT,
	hosts       INTEGER NOT NULL,
	waves       INTEGER NOT NULL,
	strategy    TEXT NOT NULL,
	check_mode  INTEGER NOT NULL,
	exit_code   INTEGER,
	halt_wave   INTEGER,
	halt_reason TEXT
);
CREATE TABLE IF NOT EXISTS hosts (
	run_id          TEXT NOT NULL REFERENCES runs(id),
	host            TEXT NOT NULL,
	wave            INTEGER,
	status          TEXT NOT NULL,
	ok              INTEGER NOT NULL DEFAULT 0,
	changed         INTEGER NOT NULL DEFAULT 0,
	failed          INTEGER NOT NULL DEFAULT 0,
	error           TEXT,
	snapshot        TEXT,
	snapshot_digest TEXT,
	rolled_back     INTEGER NOT NULL DEFAULT 0,
	rollback_error  TEXT,
	updated_at      TEXT NOT NULL,
	PRIMARY KEY (run_id, host)
);
CREATE TABLE IF NOT EXISTS steps (
	run_id      TEXT NOT NULL REFERENCES runs(id),
	host        TEXT NOT NULL,
	phase       TEXT NOT NULL,
	step        TEXT NOT NULL,
	status      TEXT NOT NULL,
	started_at  TEXT NOT NULL,
	finished_at TEXT,
	error       TEXT,
	PRIMARY KEY (run_id, host, phase, step)
);
CREATE TABLE IF NOT EXISTS waves (
	run_id      TEXT NOT NULL REFERENCES runs(id),
	wave        INTEGER NOT NULL,
	hosts       INTEGER NOT NULL,
	tolerance   INTEGER NOT NULL,
	started_at  TEXT NOT NULL,
	finished_at TEXT,
	ok          INTEGER,
	failed      INTEGER,
	unreachable INTEGER,
	PRIMARY KEY (run_id, wave)
);
`

// Open opens (creating if needed) the database at path. WAL mode keeps
// every committed write across a crash of this process.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer; events arrive from many goroutines
	if _, err := db.Exec(schema + scanSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		db.Close()
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Run is a run as recorded.
type Run struct {
	ID, Playbook, Strategy string
	StartedAt, FinishedAt  time.Time
	Hosts, Waves           int
	CheckMode              bool
	ExitCode               *int
	HaltWave               *int
	HaltReason             string
}

// Host is a host's outcome in a run.
type Host struct {
	Host, Status, Error, Snapshot, RollbackError string
	SnapshotDigest                               string
	Wave, OK, Changed, Failed                    int
	RolledBack                                   bool
}

// Step is one step's result on one host.
type Step struct {
	Host, Phase, Step, Status, Error string
	StartedAt, FinishedAt            time.Time
}

// ErrNoRun is returned for a run id the database does not know.
var ErrNoRun = errors.New("no such run")

const runColumns = `id, playbook, strategy, started_at, COALESCE(finished_at, ''), hosts, waves,
	check_mode, exit_code, halt_wave, COALESCE(halt_reason, '')`

// Runs lists runs, newest first.
func (s *Store) Runs(ctx context.Context, limit int) ([]Run, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+runColumns+` FROM runs ORDER BY started_at DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("listing runs: %w", err)
	}
	defer rows.Close()
	var runs []Run
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, fmt.Errorf("listing runs: %w", err)
		}
		runs = append(runs, r)
	}
	return runs, rows.Err()
}

// Run finds one run by id.
func (s *Store) Run(ctx context.Context, id string) (Run, error) {
	r, err := scanRun(s.db.QueryRowContext(ctx, `SELECT `+runColumns+` FROM runs WHERE id = ?`, id))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Run{}, fmt.Errorf("%w %q", ErrNoRun, id)
	case err != nil:
		return Run{}, fmt.Errorf("reading run %s: %w", id, err)
	}
	return r, nil
}

func scanRun(row interface{ Scan(...any) error }) (Run, error) {
	var r Run
	var started, finished string
	var exit, haltWave sql.NullInt64
	if err := row.Scan(&r.ID, &r.Playbook, &r.Strategy, &started, &finished, &r.Hosts, &r.Waves,
		&r.CheckMode, &exit, &haltWave, &r.HaltReason); err != nil {
		return Run{}, err
	}
	r.StartedAt, _ = time.Parse(time.RFC3339Nano, started)
	r.FinishedAt, _ = time.Parse(time.RFC3339Nano, finished)
	if exit.Valid {
		v := int(exit.Int64)
		r.ExitCode = &v
	}
	if haltWave.Valid {
		v := int(haltWave.Int64)
		r.HaltWave = &v
	}
	return r, nil
}

// Hosts returns the hosts of a run in the order they were recorded.
func (s *Store) Hosts(ctx context.Context, runID string) ([]Host, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT host, COALESCE(wave, 0), status, ok, changed, failed, COALESCE(error, ''),
		COALESCE(snapshot, ''), COALESCE(snapshot_digest, ''), rolled_back, COALESCE(rollback_error, '') FROM hosts WHERE run_id = ? ORDER BY rowid`, runID)
	if err != nil {
		return nil, fmt.Errorf("reading hosts of run %s: %w", runID, err)
	}
	defer rows.Close()
	var hosts []Host
	for rows.Next() {
		var h Host
		if err := rows.Scan(&h.Host, &h.Wave, &h.Status, &h.OK, &h.Changed, &h.Failed, &h.Error, &h.Snapshot, &h.SnapshotDigest, &h.RolledBack, &h.RollbackError); err != nil {
			return nil, fmt.Errorf("reading hosts of run %s: %w", runID, err)
		}
		hosts = append(hosts, h)
	}
	return hosts, rows.Err()
}

// Steps returns the step results of a run, in the order they started.
func (s *Store) Steps(ctx context.Context, runID string) ([]Step, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT host, phase, step, status, COALESCE(error, ''), started_at, COALESCE(finished_at, '')
		FROM steps WHERE run_id = ? ORDER BY started_at, rowid`, runID)
	if err != nil {
		return nil, fmt.Errorf("reading steps of run %s: %w", runID, err)
	}
	defer rows.Close()
	var steps []Step
	for rows.Next() {
		var st Step
		var started, finished string
		if err := rows.Scan(&st.Host, &st.Phase, &st.Step, &st.Status, &st.Error, &started, &finished); err != nil {
			return nil, fmt.Errorf("reading steps of run %s: %w", runID, err)
		}
		st.StartedAt, _ = time.Parse(time.RFC3339Nano, started)
		st.FinishedAt, _ = time.Parse(time.RFC3339Nano, finished)
		steps = append(steps, st)
	}
	return steps, rows.Err()
}

// RecordRollback notes the outcome of restoring a host of a past run.
func (s *Store) RecordRollback(ctx context.Context, runID, host string, rollbackErr error) error {
	_, err := s.db.ExecContext(ctx, `UPDATE hosts SET rolled_back = ?, rollback_error = ?, updated_at = ? WHERE run_id = ? AND host = ?`,
		rollbackErr == nil, errText(rollbackErr), time.Now().UTC().Format(time.RFC3339Nano), runID, host)
	if err != nil {
		return fmt.Errorf("recording the rollback of %s: %w", host, err)
	}
	return nil
}

// SnapshotRecord is a snapshot a run left on a host.
type SnapshotRecord struct {
	RunID, Host, Location, Digest string
	Taken                         time.Time
	RolledBack                    bool
}

// Snapshots lists the snapshots still recorded, newest run first.
func (s *Store) Snapshots(ctx context.Context) ([]SnapshotRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT h.run_id, h.host, h.snapshot, COALESCE(h.snapshot_digest, ''), r.started_at, h.rolled_back
		FROM hosts h JOIN runs r ON r.id = h.run_id WHERE h.snapshot IS NOT NULL AND h.snapshot != ''
		ORDER BY r.started_at DESC, h.rowid`)
	if err != nil {
		return nil, fmt.Errorf("listing snapshots: %w", err)
	}
	defer rows.Close()
	var out []SnapshotRecord
	for rows.Next() {
		var r SnapshotRecord
		var taken string
		if err := rows.Scan(&r.RunID, &r.Host, &r.Location, &r.Digest, &taken, &r.RolledBack); err != nil {
			return nil, fmt.Errorf("listing snapshots: %w", err)
		}
		r.Taken, _ = time.Parse(time.RFC3339Nano, taken)
		out = append(out, r)
	}
	return out, rows.Err()
}

// ForgetSnapshot records that a snapshot was deleted from its host.
func (s *Store) ForgetSnapshot(ctx context.Context, runID, host string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE hosts SET snapshot = NULL, snapshot_digest = NULL WHERE run_id = ? AND host = ?`, runID, host); err != nil {
		return fmt.Errorf("forgetting the snapshot of %s: %w", host, err)
	}
	return nil
}
