package state

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

const invocationsSchema = `
CREATE TABLE IF NOT EXISTS invocations (
	run_id   TEXT PRIMARY KEY,
	dir      TEXT NOT NULL,
	args     TEXT NOT NULL,
	withheld TEXT NOT NULL DEFAULT '[]'
);`

// Invocation is how a run was started: the working directory and the
// command-line arguments, so that it can be resumed as it was.
type Invocation struct {
	Dir  string
	Args []string
	// Withheld names the variables whose --var values were sensitive and
	// so were not recorded: a resume needs them again.
	Withheld []string
	// Sources are the sha256 sums (hex) of the files the run was started
	// from (the playbook and var files), by absolute path, so that a
	// resume can tell whether they changed since. Nil for runs recorded
	// before they were kept.
	Sources map[string]string
}

// SaveInvocation records how a run was started, before it starts.
func (s *Store) SaveInvocation(ctx context.Context, runID string, inv Invocation) error {
	args, withheld, sources, err := encodeInvocation(inv)
	if err != nil {
		return fmt.Errorf("recording the run's arguments: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO invocations (run_id, dir, args, withheld, sources) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (run_id) DO UPDATE SET dir = excluded.dir, args = excluded.args, withheld = excluded.withheld, sources = excluded.sources`,
		runID, inv.Dir, args, withheld, sources); err != nil {
		return fmt.Errorf("recording the run's arguments: %w", err)
	}
	return nil
}

// ErrNoInvocation says a run's arguments were not recorded.
var ErrNoInvocation = errors.New("the run's arguments were not recorded")

// Invocation reads how a run was started.
func (s *Store) Invocation(ctx context.Context, runID string) (Invocation, error) {
	var inv Invocation
	var args, withheld string
	var sources sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT dir, args, withheld, sources FROM invocations WHERE run_id = ?`, runID).Scan(&inv.Dir, &args, &withheld, &sources)
	if errors.Is(err, sql.ErrNoRows) {
		return inv, ErrNoInvocation
	}
	if err != nil {
		return inv, fmt.Errorf("reading the run's arguments: %w", err)
	}
	if err := json.Unmarshal([]byte(args), &inv.Args); err != nil {
		return inv, fmt.Errorf("reading the run's arguments: %w", err)
	}
	if err := json.Unmarshal([]byte(withheld), &inv.Withheld); err != nil {
		return inv, fmt.Errorf("reading the run's arguments: %w", err)
	}
	if sources.Valid {
		if err := json.Unmarshal([]byte(sources.String), &inv.Sources); err != nil {
			return inv, fmt.Errorf("reading the run's arguments: %w", err)
		}
	}
	return inv, nil
}
