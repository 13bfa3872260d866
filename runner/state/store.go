// Package state records runs in a SQLite database as they happen: runs,
// waves, each host's outcome and each step's result, snapshots, halts and
// rollbacks. Every event is written before the engine goes on, so killing
// the runner loses nothing that happened before.
package state

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// Store is an open state database: a SQLite file on this controller, or
// a PostgreSQL database that several controllers share.
type Store struct {
	db *db
	// where names the database in messages (a URL without its password).
	where string
	// pg is set on PostgreSQL: shard groups, holders and leases (shared.go).
	pg *pgShared
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
	snapshot_provider TEXT,
	snapshot_settings TEXT,
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

// Open opens the state database at location, creating it if needed and
// applying the schema migrations it lacks: a postgres:// or postgresql://
// URL is a PostgreSQL database; anything else is the path of a SQLite
// file.
func Open(location string) (*Store, error) {
	if IsURL(location) {
		return openPostgres(context.Background(), location)
	}
	return openSQLite(location)
}

// IsURL says whether a --state value names a PostgreSQL database.
func IsURL(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}

// openSQLite opens the file at path. WAL mode keeps every committed write
// across a crash of this process.
func openSQLite(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	sqlDB, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	sqlDB.SetMaxOpenConns(1) // one writer; events arrive from many goroutines
	d := &db{sql: sqlDB, backend: sqliteBackend}
	if err := migrate(context.Background(), d); err != nil {
		d.Close()
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		d.Close()
		return nil, fmt.Errorf("state database %s: %w", path, err)
	}
	return &Store{db: d, where: path}, nil
}

// Shared says whether other controllers can see this store (PostgreSQL).
func (s *Store) Shared() bool { return s.db.backend == postgresBackend }

// Where names the database for messages: a path, or a URL without its
// password.
func (s *Store) Where() string { return s.where }

// Close closes the database, and on PostgreSQL ends this controller's
// session: its locks go with it.
func (s *Store) Close() error {
	if s.pg != nil {
		s.pg.close()
	}
	return s.db.Close()
}

// Run is a run as recorded.
type Run struct {
	ID, Playbook, Strategy string
	StartedAt, FinishedAt  time.Time
	Hosts, Waves           int
	CheckMode              bool
	ExitCode               *int
	HaltWave               *int
	HaltReason             string
	// Phases are the run's phases in order, "gate" last when the route
	// has a gate; Route is each segment's route map. Both are empty for
	// runs recorded before they were kept.
	Phases   []string
	Route    []RouteRecord
	HaltedAt time.Time
	// Operator and Controller say who started the run, and where from
	// (empty for runs recorded before they were).
	Operator, Controller string
	// ShardGroup and Shards are set for the run of a shard group.
	ShardGroup string
	Shards     int
}

// Host is a host's outcome in a run.
type Host struct {
	Host, Status, Error, Snapshot, RollbackError string
	SnapshotDigest, SnapshotProvider             string
	SnapshotSettings                             map[string]string
	Wave, OK, Changed, Failed                    int
	RolledBack                                   bool
	// When the host was started and finished, snapshotted, and restored;
	// zero when it did not happen (or was recorded before these were kept).
	StartedAt, FinishedAt, SnapshotAt     time.Time
	RollbackStartedAt, RollbackFinishedAt time.Time
}

// Step is one step's result on one host.
type Step struct {
	Host, Phase, Step, Status, Error string
	StartedAt, FinishedAt            time.Time
	// Type is the step type; Diff what a change did (cut at MaxDiff);
	// Reason why it was skipped; Ignored that its failure did not fail
	// the host; Duration as the engine measured it.
	Type, Diff, Reason string
	Ignored            bool
	Attempts           int
	Duration           time.Duration
}

// ErrNoRun is returned for a run id the database does not know.
var ErrNoRun = errors.New("no such run")

const runColumns = `id, playbook, strategy, started_at, COALESCE(finished_at, ''), hosts, waves,
	check_mode, exit_code, halt_wave, COALESCE(halt_reason, ''), COALESCE(phases, ''), COALESCE(route, ''), COALESCE(halted_at, ''),
	COALESCE(operator, ''), COALESCE(controller, ''), COALESCE(shard_group, ''), COALESCE(shards, 0)`

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
		return Run{}, fmt.Errorf("%w %q in this state database; 'switchback runs list' shows the recorded runs", ErrNoRun, id)
	case err != nil:
		return Run{}, fmt.Errorf("reading run %s: %w", id, err)
	}
	return r, nil
}

func scanRun(row interface{ Scan(...any) error }) (Run, error) {
	var r Run
	var started, finished, phases, route, halted string
	var exit, haltWave sql.NullInt64
	if err := row.Scan(&r.ID, &r.Playbook, &r.Strategy, &started, &finished, &r.Hosts, &r.Waves,
		&r.CheckMode, &exit, &haltWave, &r.HaltReason, &phases, &route, &halted,
		&r.Operator, &r.Controller, &r.ShardGroup, &r.Shards); err != nil {
		return Run{}, err
	}
	r.StartedAt, _ = time.Parse(time.RFC3339Nano, started)
	r.FinishedAt, _ = time.Parse(time.RFC3339Nano, finished)
	r.HaltedAt, _ = time.Parse(time.RFC3339Nano, halted)
	if err := decodeJSON(phases, &r.Phases); err != nil {
		return Run{}, fmt.Errorf("the phases of run %s: %w", r.ID, err)
	}
	if err := decodeJSON(route, &r.Route); err != nil {
		return Run{}, fmt.Errorf("the route of run %s: %w", r.ID, err)
	}
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
		COALESCE(snapshot, ''), COALESCE(snapshot_digest, ''), COALESCE(snapshot_provider, ''), COALESCE(snapshot_settings, ''),
		rolled_back, COALESCE(rollback_error, ''), COALESCE(started_at, ''), COALESCE(finished_at, ''), COALESCE(snapshot_at, ''),
		COALESCE(rollback_started_at, ''), COALESCE(rollback_finished_at, '') FROM hosts WHERE run_id = ? ORDER BY rowid`, runID)
	if err != nil {
		return nil, fmt.Errorf("reading hosts of run %s: %w", runID, err)
	}
	defer rows.Close()
	var hosts []Host
	for rows.Next() {
		var h Host
		var settings string
		var times [5]string
		if err := rows.Scan(&h.Host, &h.Wave, &h.Status, &h.OK, &h.Changed, &h.Failed, &h.Error, &h.Snapshot, &h.SnapshotDigest,
			&h.SnapshotProvider, &settings, &h.RolledBack, &h.RollbackError, &times[0], &times[1], &times[2], &times[3], &times[4]); err != nil {
			return nil, fmt.Errorf("reading hosts of run %s: %w", runID, err)
		}
		for i, dst := range []*time.Time{&h.StartedAt, &h.FinishedAt, &h.SnapshotAt, &h.RollbackStartedAt, &h.RollbackFinishedAt} {
			*dst, _ = time.Parse(time.RFC3339Nano, times[i])
		}
		if h.SnapshotSettings, err = decodeSettings(settings); err != nil {
			return nil, fmt.Errorf("reading the snapshot of %s in run %s: %w", h.Host, runID, err)
		}
		hosts = append(hosts, h)
	}
	return hosts, rows.Err()
}

// Steps returns the step results of a run, in the order they started.
func (s *Store) Steps(ctx context.Context, runID string) ([]Step, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT host, phase, step, status, COALESCE(error, ''), started_at, COALESCE(finished_at, ''),
		COALESCE(type, ''), COALESCE(diff, ''), COALESCE(reason, ''), ignored, attempts, COALESCE(duration_ms, 0)
		FROM steps WHERE run_id = ? ORDER BY started_at, rowid`, runID)
	if err != nil {
		return nil, fmt.Errorf("reading steps of run %s: %w", runID, err)
	}
	defer rows.Close()
	var steps []Step
	for rows.Next() {
		var st Step
		var started, finished string
		var ms int64
		if err := rows.Scan(&st.Host, &st.Phase, &st.Step, &st.Status, &st.Error, &started, &finished,
			&st.Type, &st.Diff, &st.Reason, &st.Ignored, &st.Attempts, &ms); err != nil {
			return nil, fmt.Errorf("reading steps of run %s: %w", runID, err)
		}
		st.Duration = time.Duration(ms) * time.Millisecond
		st.StartedAt, _ = time.Parse(time.RFC3339Nano, started)
		st.FinishedAt, _ = time.Parse(time.RFC3339Nano, finished)
		steps = append(steps, st)
	}
	return steps, rows.Err()
}

// RecordRollback notes the outcome of restoring a host of a past run.
func (s *Store) RecordRollback(ctx context.Context, runID, host string, rollbackErr error) error {
	now := time.Now().UTC().Format(time.RFC3339Nano)
	_, err := s.db.ExecContext(ctx, `UPDATE hosts SET rolled_back = ?, rollback_error = ?, rollback_finished_at = ?, updated_at = ? WHERE run_id = ? AND host = ?`,
		b2i(rollbackErr == nil), errText(rollbackErr), now, now, runID, host)
	if err != nil {
		return fmt.Errorf("recording the rollback of %s: %w", host, err)
	}
	return nil
}

// SnapshotRecord is a snapshot a run left on a host.
type SnapshotRecord struct {
	RunID, Host, Location, Digest string
	Provider                      string
	Settings                      map[string]string
	Taken                         time.Time
	RolledBack                    bool
}

// Snapshots lists the snapshots still recorded, newest run first.
func (s *Store) Snapshots(ctx context.Context) ([]SnapshotRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT h.run_id, h.host, h.snapshot, COALESCE(h.snapshot_digest, ''),
		COALESCE(h.snapshot_provider, ''), COALESCE(h.snapshot_settings, ''), r.started_at, h.rolled_back
		FROM hosts h JOIN runs r ON r.id = h.run_id WHERE h.snapshot IS NOT NULL AND h.snapshot != ''
		ORDER BY r.started_at DESC, h.rowid`)
	if err != nil {
		return nil, fmt.Errorf("listing snapshots: %w", err)
	}
	defer rows.Close()
	var out []SnapshotRecord
	for rows.Next() {
		var r SnapshotRecord
		var taken, settings string
		if err := rows.Scan(&r.RunID, &r.Host, &r.Location, &r.Digest, &r.Provider, &settings, &taken, &r.RolledBack); err != nil {
			return nil, fmt.Errorf("listing snapshots: %w", err)
		}
		if r.Settings, err = decodeSettings(settings); err != nil {
			return nil, fmt.Errorf("listing snapshots: %s of run %s: %w", r.Host, r.RunID, err)
		}
		r.Taken, _ = time.Parse(time.RFC3339Nano, taken)
		out = append(out, r)
	}
	return out, rows.Err()
}

// ForgetSnapshot records that a snapshot was deleted from its host.
func (s *Store) ForgetSnapshot(ctx context.Context, runID, host string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE hosts SET snapshot = NULL, snapshot_digest = NULL, snapshot_provider = NULL, snapshot_settings = NULL WHERE run_id = ? AND host = ?`, runID, host); err != nil {
		return fmt.Errorf("forgetting the snapshot of %s: %w", host, err)
	}
	return nil
}

// encodeSettings and decodeSettings keep a snapshot's provider settings
// as a JSON object.
func encodeSettings(m map[string]string) (string, error) {
	if len(m) == 0 {
		return "", nil
	}
	b, err := json.Marshal(m)
	return string(b), err
}

func decodeSettings(s string) (map[string]string, error) {
	if s == "" {
		return nil, nil
	}
	var m map[string]string
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, fmt.Errorf("snapshot settings %q: %w", s, err)
	}
	return m, nil
}
