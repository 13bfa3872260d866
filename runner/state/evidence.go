package state

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/switchbackhq/switchback/runner"
)

// The queries behind a run's evidence (its HTML page and Markdown
// summary) and behind 'runs stats'. They are plain SQL over the tables
// above, with the arithmetic (percentiles, rates) left to the caller, so
// that another database answers them with the same statements.

// RouteRecord is one segment's route map as a run followed it.
type RouteRecord struct {
	Name         string `json:"name,omitempty"`
	Hosts        int    `json:"hosts"`
	Strategy     string `json:"strategy"`
	Order        string `json:"order"`
	Waves        []int  `json:"waves"`
	Forks        int    `json:"forks"`
	MaxFail      string `json:"max_fail"`
	MaxFailTotal string `json:"max_fail_total"`
	Rollback     string `json:"rollback"`
	Pause        string `json:"pause"`
}

// runShape is what RunStarted says about the run's phases and route, as
// JSON for the runs table.
func runShape(e runner.RunStarted) (phases, route string, err error) {
	p, err := json.Marshal(append([]string{}, e.Phases...))
	if err != nil {
		return "", "", err
	}
	segs := e.Segments
	if len(segs) == 0 {
		segs = []runner.SegmentInfo{{Hosts: len(e.Hosts), Route: e.Route, Waves: e.Waves}}
	}
	records := make([]RouteRecord, 0, len(segs))
	for _, s := range segs {
		records = append(records, RouteRecord{
			Name: s.Name, Hosts: s.Hosts, Strategy: string(s.Route.Strategy), Order: string(s.Route.Order),
			Waves: append([]int{}, s.Waves...), Forks: s.Route.Forks, MaxFail: s.Route.MaxFail.String(),
			MaxFailTotal: s.Route.MaxFailTotal.String(), Rollback: string(s.Route.Rollback), Pause: s.Route.Pause.String(),
		})
	}
	r, err := json.Marshal(records)
	return string(p), string(r), err
}

func decodeJSON(s string, dst any) error {
	if s == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), dst)
}

// MaxDiff bounds the diff kept for one step on one host: the database
// and the pages made from it stay small whatever a step changed.
const MaxDiff = 64 << 10

func capDiff(d string) string {
	if len(d) <= MaxDiff {
		return d
	}
	cut := MaxDiff
	for cut > 0 && d[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		cut--
	}
	return d[:cut] + fmt.Sprintf("\n… (%d more bytes not recorded)\n", len(d)-cut)
}

// Wave is a wave of a run as recorded.
type Wave struct {
	Wave, Hosts, Tolerance  int
	Rollout                 string
	StartedAt, FinishedAt   time.Time
	OK, Failed, Unreachable int
	Finished                bool
}

// Waves returns the waves a run started, in order.
func (s *Store) Waves(ctx context.Context, runID string) ([]Wave, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT wave, hosts, tolerance, COALESCE(rollout, ''), started_at, COALESCE(finished_at, ''),
		COALESCE(ok, 0), COALESCE(failed, 0), COALESCE(unreachable, 0) FROM waves WHERE run_id = ? ORDER BY wave`, runID)
	if err != nil {
		return nil, fmt.Errorf("reading waves of run %s: %w", runID, err)
	}
	defer rows.Close()
	var waves []Wave
	for rows.Next() {
		var w Wave
		var started, finished string
		if err := rows.Scan(&w.Wave, &w.Hosts, &w.Tolerance, &w.Rollout, &started, &finished, &w.OK, &w.Failed, &w.Unreachable); err != nil {
			return nil, fmt.Errorf("reading waves of run %s: %w", runID, err)
		}
		w.StartedAt, _ = time.Parse(time.RFC3339Nano, started)
		w.FinishedAt, _ = time.Parse(time.RFC3339Nano, finished)
		w.Finished = finished != ""
		waves = append(waves, w)
	}
	return waves, rows.Err()
}

// StatsFilter selects the runs that statistics are taken over: runs
// that changed hosts (check-mode runs are left out), started at or after
// Since, of one playbook when Playbook is set.
type StatsFilter struct {
	Playbook string
	Since    time.Time
}

func (f StatsFilter) args() []any {
	return []any{f.Since.UTC().Format(time.RFC3339Nano), f.Playbook, f.Playbook}
}

const statsRuns = `r.check_mode = 0 AND r.started_at >= ? AND (? = '' OR r.playbook = ?)`

// PhaseSample is one host's pass through one phase in one run: the time
// its steps took and whether one of them failed (a failure ignored with
// ignore_errors does not count).
type PhaseSample struct {
	Phase, RunID, Host string
	Duration           time.Duration
	Failed             bool
}

// PhaseSamples returns a sample per run, host and phase of the runs f
// selects, for means and percentiles.
func (s *Store) PhaseSamples(ctx context.Context, f StatsFilter) ([]PhaseSample, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT s.phase, s.run_id, s.host, SUM(COALESCE(s.duration_ms, 0)),
		MAX(CASE WHEN s.status = 'failed' AND s.ignored = 0 THEN 1 ELSE 0 END)
		FROM steps s JOIN runs r ON r.id = s.run_id
		WHERE `+statsRuns+` AND s.status <> 'running'
		GROUP BY s.run_id, s.host, s.phase
		ORDER BY s.run_id, s.host, MIN(s.started_at)`, f.args()...)
	if err != nil {
		return nil, fmt.Errorf("reading phase times: %w", err)
	}
	defer rows.Close()
	var out []PhaseSample
	for rows.Next() {
		var p PhaseSample
		var ms int64
		if err := rows.Scan(&p.Phase, &p.RunID, &p.Host, &ms, &p.Failed); err != nil {
			return nil, fmt.Errorf("reading phase times: %w", err)
		}
		p.Duration = time.Duration(ms) * time.Millisecond
		out = append(out, p)
	}
	return out, rows.Err()
}

// RunCounts are the totals of the runs a StatsFilter selects.
type RunCounts struct {
	Runs, Finished, Halted int
	// Hosts counts hosts in those runs; Touched those a change was
	// applied to or attempted on (snapshotted, changed or rolled back);
	// RolledBack those restored from their snapshot, by the run's policy
	// or by 'switchback rollback' later; RollbackFailed those whose
	// restore failed.
	Hosts, Touched, RolledBack, RollbackFailed int
	// Phases are the phases of the newest run selected, in its order.
	Phases []string
}

// RunCounts totals the runs f selects.
func (s *Store) RunCounts(ctx context.Context, f StatsFilter) (RunCounts, error) {
	var c RunCounts
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*),
		COALESCE(SUM(CASE WHEN r.exit_code IS NOT NULL THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN r.halt_reason IS NOT NULL AND r.halt_reason <> '' THEN 1 ELSE 0 END), 0)
		FROM runs r WHERE `+statsRuns, f.args()...).Scan(&c.Runs, &c.Finished, &c.Halted)
	if err != nil {
		return c, fmt.Errorf("counting runs: %w", err)
	}
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*),
		COALESCE(SUM(CASE WHEN h.changed > 0 OR h.snapshot_at IS NOT NULL OR h.rolled_back = 1 OR h.rollback_error IS NOT NULL THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN h.rolled_back = 1 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN h.rollback_error IS NOT NULL THEN 1 ELSE 0 END), 0)
		FROM hosts h JOIN runs r ON r.id = h.run_id WHERE `+statsRuns, f.args()...).Scan(&c.Hosts, &c.Touched, &c.RolledBack, &c.RollbackFailed)
	if err != nil {
		return c, fmt.Errorf("counting hosts: %w", err)
	}
	var phases string
	err = s.db.QueryRowContext(ctx, `SELECT COALESCE(r.phases, '') FROM runs r WHERE `+statsRuns+` ORDER BY r.started_at DESC, r.id DESC LIMIT 1`,
		f.args()...).Scan(&phases)
	if err != nil && c.Runs > 0 {
		return c, fmt.Errorf("reading the phases of the newest run: %w", err)
	}
	if err := decodeJSON(phases, &c.Phases); err != nil {
		return c, fmt.Errorf("reading the phases of the newest run: %w", err)
	}
	return c, nil
}
