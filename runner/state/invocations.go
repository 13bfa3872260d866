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
}

// SaveInvocation records how a run was started, before it starts.
func (s *Store) SaveInvocation(ctx context.Context, runID string, inv Invocation) error {
	args, err := json.Marshal(inv.Args)
	if err != nil {
		return fmt.Errorf("recording the run's arguments: %w", err)
	}
	withheld, err := json.Marshal(append([]string{}, inv.Withheld...))
	if err != nil {
		return fmt.Errorf("recording the run's arguments: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO invocations (run_id, dir, args, withheld) VALUES (?, ?, ?, ?)
		ON CONFLICT (run_id) DO UPDATE SET dir = excluded.dir, args = excluded.args, withheld = excluded.withheld`,
		runID, inv.Dir, string(args), string(withheld)); err != nil {
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
	err := s.db.QueryRowContext(ctx, `SELECT dir, args, withheld FROM invocations WHERE run_id = ?`, runID).Scan(&inv.Dir, &args, &withheld)
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
	return inv, nil
}
