package state

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/switchbackhq/switchback/runner"
)

// PhaseRecord is a phase a host entered, and how many on_rollback steps
// the phase had in the playbook the run used.
type PhaseRecord struct {
	Name       string `json:"name"`
	OnRollback int    `json:"on_rollback"`
}

// phaseLine is how a PhaseEntered is kept: a line appended to the
// host's phases, so that recording it is one UPDATE in either backend.
func phaseLine(e runner.PhaseEntered) (string, error) {
	b, err := json.Marshal(PhaseRecord{Name: e.Phase, OnRollback: e.OnRollback})
	if err != nil {
		return "", err
	}
	return string(b) + "\n", nil
}

// EnteredPhases lists the phases a host of a run entered, in the order
// it first entered them (a resumed host enters its phases again: they
// are listed once). recorded is false for a host recorded before
// switchback kept them: the phases are then those of the steps recorded
// for the host, in the order they started, and OnRollback is -1 (not
// known without the playbook).
func (s *Store) EnteredPhases(ctx context.Context, runID, host string) (phases []PhaseRecord, recorded bool, err error) {
	var text sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT phases FROM hosts WHERE run_id = ? AND host = ?`, runID, host).Scan(&text); err != nil {
		return nil, false, fmt.Errorf("reading the phases %s entered in run %s: %w", host, runID, err)
	}
	if text.Valid {
		for line := range strings.Lines(text.String) {
			var p PhaseRecord
			if err := json.Unmarshal([]byte(line), &p); err != nil {
				return nil, true, fmt.Errorf("reading the phases %s entered in run %s: %w", host, runID, err)
			}
			if !slices.ContainsFunc(phases, func(q PhaseRecord) bool { return q.Name == p.Name }) {
				phases = append(phases, p)
			}
		}
		return phases, true, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT phase FROM steps WHERE run_id = ? AND host = ? ORDER BY started_at, rowid`, runID, host)
	if err != nil {
		return nil, false, fmt.Errorf("reading the steps of %s in run %s: %w", host, runID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, false, fmt.Errorf("reading the steps of %s in run %s: %w", host, runID, err)
		}
		if !slices.ContainsFunc(phases, func(q PhaseRecord) bool { return q.Name == name }) {
			phases = append(phases, PhaseRecord{Name: name, OnRollback: -1})
		}
	}
	return phases, false, rows.Err()
}
