package state

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/switchbackhq/switchback/runner"
)

// A shard group is one run that several controllers make together (see
// runner.Group and ARCHITECTURE.md). Its rows: the run in runs (with
// shard_group, shards and the plan's digest), one row per shard in shards
// (its holder, the last wave it finished, how it ended, how it was
// started), and every host of the fleet in hosts from the start.

// GroupSpec is what a controller brings to a shard group.
type GroupSpec struct {
	Name          string
	Shard, Shards int
	// RunID is the id the run gets if this controller is the first.
	RunID string
	// Digest sums up the fleet's plan (runner.PlanDigest): every shard
	// must bring the same.
	Digest    string
	Playbook  string
	Strategy  string
	Waves     int
	CheckMode bool
	// Hosts are the fleet's, in run order, with their waves.
	Hosts     []string
	HostWaves []int
	// Invocation is how this shard was started, for run --resume.
	Invocation Invocation
	// Lease leases the fleet's hosts to the run when it is formed.
	Lease bool
	// HolderWait is how long to wait for the controller that holds this
	// shard to be seen dead before refusing: a job system restarts a
	// shard's pod sooner than the server may notice the old one gone.
	HolderWait time.Duration
}

// errShardHeld says a live controller holds the shard.
var errShardHeld = errors.New("is already being run")

// Group is this controller's shard of a group's run; it implements
// runner.Group.
type Group struct {
	store         *Store
	sess          *session
	runID         string
	shard, shards int
	// Formed says this controller created the run; TookOver that it took
	// the shard over from a controller that stopped without finishing it.
	Formed, TookOver bool
}

var _ runner.Group = (*Group)(nil)

// RunID is the group's run.
func (g *Group) RunID() string { return g.runID }

// JoinGroup makes this controller shard spec.Shard of the group's run:
// it forms the run if it is the first (leasing the fleet's hosts), joins
// it otherwise, and takes the shard over if the controller that had it
// died. It refuses a controller whose plan differs from the group's, a
// shard that a live controller holds or that finished, and a group whose
// run finished.
func (s *Store) JoinGroup(ctx context.Context, spec GroupSpec, who Operator) (*Group, error) {
	sess, err := s.openSession(ctx, who, "", spec.Shard)
	if err != nil {
		return nil, err
	}
	g := &Group{store: s, sess: sess, shard: spec.Shard, shards: spec.Shards}
	deadline := time.Now().Add(spec.HolderWait)
	for {
		err := s.join(ctx, g, spec, who)
		if err == nil {
			break
		}
		if !errors.Is(err, errShardHeld) || time.Now().After(deadline) {
			s.pg.close()
			return nil, err
		}
		select {
		case <-time.After(pollEvery):
		case <-ctx.Done():
			s.pg.close()
			return nil, err
		}
	}
	_ = s.notify(ctx, g.runID, "joined")
	return g, nil
}

func (s *Store) join(ctx context.Context, g *Group, spec GroupSpec, who Operator) (err error) {
	t, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("joining shard group %s: %w", spec.Name, err)
	}
	defer func() {
		if err != nil {
			_ = t.Rollback()
			var conflict *LeaseConflict
			if !errors.As(err, &conflict) {
				err = fmt.Errorf("shard group %s: %w", spec.Name, err)
			}
		}
	}()
	// Joins of one group are taken one at a time.
	if _, err := t.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?, hashtext(?))`, lockNamespace+2, spec.Name); err != nil {
		return err
	}
	var runID, digest string
	var shards int
	var finished sql.NullString
	err = t.QueryRowContext(ctx, `SELECT id, COALESCE(shards, 0), COALESCE(plan_digest, ''), finished_at FROM runs WHERE shard_group = ?`,
		spec.Name).Scan(&runID, &shards, &digest, &finished)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		runID, g.Formed = spec.RunID, true
		if err := formGroup(ctx, t, spec, who); err != nil {
			return err
		}
	case err != nil:
		return err
	case finished.Valid:
		return fmt.Errorf("its run %s finished at %s; a group runs once: give the new run a new --shard-group name", runID, finished.String)
	case shards != spec.Shards:
		return fmt.Errorf("run %s was formed with %d shards, and this controller says --shard %d/%d: give every shard the same N",
			runID, shards, spec.Shard, spec.Shards)
	case digest != spec.Digest:
		return fmt.Errorf("this controller plans another run than the group's run %s (other hosts, waves or thresholds): give every shard the same playbook, inventory, --limit and route flags", runID)
	}
	g.runID = runID

	var holder int
	var done sql.NullString
	var alive bool
	err = t.QueryRowContext(ctx, `SELECT holder, finished_at, switchback_alive(holder) FROM shards WHERE run_id = ? AND shard = ? FOR UPDATE`,
		runID, spec.Shard).Scan(&holder, &done, &alive)
	args, withheld, sources, jerr := encodeInvocation(spec.Invocation)
	if jerr != nil {
		return jerr
	}
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = t.ExecContext(ctx, `INSERT INTO shards (run_id, shard, holder, dir, args, withheld, sources) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			runID, spec.Shard, g.sess.holder, spec.Invocation.Dir, args, withheld, sources)
	case err != nil:
		return err
	case done.Valid:
		return fmt.Errorf("shard %d/%d of run %s already finished", spec.Shard, spec.Shards, runID)
	case alive:
		var o Operator
		_ = t.QueryRowContext(ctx, `SELECT operator, controller, pid FROM holders WHERE id = ?`, holder).Scan(&o.Name, &o.Controller, &o.PID)
		return fmt.Errorf("shard %d/%d of run %s %w by %s", spec.Shard, spec.Shards, runID, errShardHeld, o)
	default:
		// Its controller died: this one takes its hosts over, as a resume.
		g.TookOver = true
		_, err = t.ExecContext(ctx, `UPDATE shards SET holder = ? WHERE run_id = ? AND shard = ?`, g.sess.holder, runID, spec.Shard)
	}
	if err != nil {
		return err
	}
	if _, err := t.ExecContext(ctx, `UPDATE holders SET run_id = ?, shard = ? WHERE id = ?`, runID, spec.Shard, g.sess.holder); err != nil {
		return err
	}
	return t.Commit()
}

// formGroup records the group's run, every host of the fleet, and the
// fleet's leases.
func formGroup(ctx context.Context, t *tx, spec GroupSpec, who Operator) error {
	now := stamp()
	if _, err := t.ExecContext(ctx, `INSERT INTO runs (id, playbook, started_at, hosts, waves, strategy, check_mode, operator, controller,
		shard_group, shards, plan_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		spec.RunID, spec.Playbook, now, len(spec.Hosts), spec.Waves, spec.Strategy, b2i(spec.CheckMode), who.Name, who.Controller,
		spec.Name, spec.Shards, spec.Digest); err != nil {
		return err
	}
	if _, err := t.ExecContext(ctx, `INSERT INTO hosts (run_id, host, wave, status, updated_at)
		SELECT ?, h.host, h.wave, ?, ? FROM unnest(?::text[], ?::int[]) AS h(host, wave)`,
		spec.RunID, string(runner.HostNotStarted), now, spec.Hosts, spec.HostWaves); err != nil {
		return err
	}
	if spec.Lease {
		return takeLeases(ctx, t, spec.RunID, spec.Hosts)
	}
	return nil
}

func (g *Group) Shard() (int, int) { return g.shard, g.shards }

// Failed counts a failure with every shard's: the run's row is locked
// first, so that of two shards counting at once the second sees the
// first's failure.
func (g *Group) Failed(ctx context.Context, host string, status runner.HostStatus, wave, rollout []string) (waveFailed, rolloutFailed int, err error) {
	t, err := g.store.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, err
	}
	defer func() {
		if err != nil {
			_ = t.Rollback()
		}
	}()
	if _, err = t.ExecContext(ctx, `SELECT 1 FROM runs WHERE id = ? FOR UPDATE`, g.runID); err != nil {
		return 0, 0, err
	}
	if _, err = t.ExecContext(ctx, `UPDATE hosts SET status = ?, updated_at = ? WHERE run_id = ? AND host = ?`,
		string(status), stamp(), g.runID, host); err != nil {
		return 0, 0, err
	}
	if err = t.QueryRowContext(ctx, `SELECT COUNT(*) FILTER (WHERE host = ANY(?)), COUNT(*) FILTER (WHERE host = ANY(?))
		FROM hosts WHERE run_id = ? AND status IN ('failed', 'unreachable')`, wave, rollout, g.runID).Scan(&waveFailed, &rolloutFailed); err != nil {
		return 0, 0, err
	}
	return waveFailed, rolloutFailed, t.Commit()
}

// Halt records the run's halt; a halt already recorded stays.
func (g *Group) Halt(ctx context.Context, h runner.Halted, byThreshold bool) error {
	if _, err := g.store.db.ExecContext(ctx, `UPDATE runs SET halt_wave = ?, halt_reason = ?, halt_by_threshold = ? WHERE id = ? AND halt_reason IS NULL`,
		h.Wave, fmt.Sprintf("shard %d/%d: %s", g.shard, g.shards, h.Reason), b2i(byThreshold), g.runID); err != nil {
		return err
	}
	return g.store.notify(ctx, g.runID, "halt")
}

// halted reads the run's halt, if any.
func (g *Group) halted(ctx context.Context) (*runner.Halted, bool, error) {
	var wave sql.NullInt64
	var reason sql.NullString
	var byThreshold bool
	if err := g.store.db.QueryRowContext(ctx, `SELECT halt_wave, halt_reason, halt_by_threshold FROM runs WHERE id = ?`, g.runID).
		Scan(&wave, &reason, &byThreshold); err != nil {
		return nil, false, err
	}
	if !reason.Valid {
		return nil, false, nil
	}
	return &runner.Halted{Wave: int(wave.Int64), Reason: reason.String}, byThreshold, nil
}

// Watch calls halted when the run halts, or when this controller lost
// the state database: it can no longer see the others, so it stops too.
func (g *Group) Watch(ctx context.Context, halted func(runner.Halted, bool)) {
	for {
		ch := g.sess.changed(g.runID)
		h, byThreshold, err := g.halted(ctx)
		if err == nil && h != nil {
			halted(*h, byThreshold)
			return
		}
		if err := g.sess.wait(ctx, ch); err != nil {
			if ctx.Err() == nil {
				halted(runner.Halted{Reason: fmt.Sprintf("shard %d/%d %v; it stops, since it can no longer see the other shards", g.shard, g.shards, err)}, false)
			}
			return
		}
	}
}

// WaveDone records the wave as done by this shard and waits for the
// others, or for a halt.
func (g *Group) WaveDone(ctx context.Context, wave int, waiting func(runner.ShardsWaiting)) error {
	db := g.store.db
	if _, err := db.ExecContext(ctx, `UPDATE shards SET wave_done = GREATEST(wave_done, ?) WHERE run_id = ? AND shard = ?`,
		wave, g.runID, g.shard); err != nil {
		return err
	}
	if err := g.store.notify(ctx, g.runID, "wave"); err != nil {
		return err
	}
	start := time.Now()
	nextReport := start.Add(3 * time.Second)
	for {
		ch := g.sess.changed(g.runID)
		if h, _, err := g.halted(ctx); err != nil {
			return err
		} else if h != nil {
			return nil
		}
		shards, err := g.store.Shards(ctx, g.runID)
		if err != nil {
			return err
		}
		var behind []string
		for i := 1; i <= g.shards; i++ {
			sh := shardOf(shards, i)
			if sh != nil && sh.WaveDone >= wave {
				continue
			}
			behind = append(behind, describeShard(sh, i, g.shards, g.runID))
		}
		if len(behind) == 0 {
			return nil
		}
		if time.Now().After(nextReport) {
			waiting(runner.ShardsWaiting{Wave: wave, Since: time.Since(start).Round(time.Second), Shards: behind})
			nextReport = time.Now().Add(15 * time.Second)
		}
		if err := g.sess.wait(ctx, ch); err != nil {
			return err
		}
	}
}

func shardOf(shards []ShardRecord, i int) *ShardRecord {
	for j := range shards {
		if shards[j].Shard == i {
			return &shards[j]
		}
	}
	return nil
}

// describeShard says why a shard is not done, and what to do about a
// dead one.
func describeShard(sh *ShardRecord, i, n int, runID string) string {
	switch {
	case sh == nil:
		return fmt.Sprintf("%d/%d (not started yet)", i, n)
	case sh.State == ShardDead:
		return fmt.Sprintf("%d/%d (its controller %s stopped without finishing; take its hosts over with 'switchback run --resume %s')",
			i, n, sh.Holder, runID)
	}
	return fmt.Sprintf("%d/%d (%s)", i, n, sh.Holder)
}

// Outcome waits until a host of another shard has ended (or the run
// halted) and says how it ended.
func (g *Group) Outcome(ctx context.Context, host string) (runner.HostStatus, error) {
	for {
		ch := g.sess.changed(g.runID)
		var status string
		if err := g.store.db.QueryRowContext(ctx, `SELECT status FROM hosts WHERE run_id = ? AND host = ?`, g.runID, host).Scan(&status); err != nil {
			return "", err
		}
		switch runner.HostStatus(status) {
		case runner.HostOK, runner.HostFailed, runner.HostUnreachable, runner.HostHalted:
			return runner.HostStatus(status), nil
		}
		if h, _, err := g.halted(ctx); err != nil {
			return "", err
		} else if h != nil {
			return runner.HostStatus(status), nil
		}
		if err := g.sess.wait(ctx, ch); err != nil {
			return "", err
		}
	}
}

// Tally counts the fleet's hosts by status.
func (g *Group) Tally(ctx context.Context) (map[runner.HostStatus]int, error) {
	rows, err := g.store.db.QueryContext(ctx, `SELECT status, COUNT(*) FROM hosts WHERE run_id = ? GROUP BY status`, g.runID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[runner.HostStatus]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, err
		}
		out[runner.HostStatus(s)] = n
	}
	return out, rows.Err()
}

// Leave records how this shard ended and closes its session. The last
// shard to leave closes the run: its exit code is the group's verdict
// (the worst of the shards'), and its leases go.
func (g *Group) Leave(ctx context.Context, exitCode int) (err error) {
	defer g.store.pg.close()
	t, err := g.store.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = t.Rollback()
			err = fmt.Errorf("recording the end of shard %d/%d: %w", g.shard, g.shards, err)
		}
	}()
	if _, err = t.ExecContext(ctx, `SELECT 1 FROM runs WHERE id = ? FOR UPDATE`, g.runID); err != nil {
		return err
	}
	now := stamp()
	if _, err = t.ExecContext(ctx, `UPDATE shards SET finished_at = ?, exit_code = ? WHERE run_id = ? AND shard = ?`, now, exitCode, g.runID, g.shard); err != nil {
		return err
	}
	if _, err = t.ExecContext(ctx, `UPDATE holders SET finished_at = ? WHERE id = ?`, now, g.sess.holder); err != nil {
		return err
	}
	rows, err := t.QueryContext(ctx, `SELECT exit_code FROM shards WHERE run_id = ? AND finished_at IS NOT NULL`, g.runID)
	if err != nil {
		return err
	}
	var codes []int
	for rows.Next() {
		var c int
		if err = rows.Scan(&c); err != nil {
			rows.Close()
			return err
		}
		codes = append(codes, c)
	}
	rows.Close()
	if len(codes) == g.shards {
		if _, err = t.ExecContext(ctx, `UPDATE runs SET finished_at = ?, exit_code = ? WHERE id = ?`, now, worstExit(codes), g.runID); err != nil {
			return err
		}
		if _, err = t.ExecContext(ctx, `DELETE FROM leases WHERE run_id = ?`, g.runID); err != nil {
			return err
		}
	}
	if err = t.Commit(); err != nil {
		return err
	}
	return g.store.notify(ctx, g.runID, "left")
}

// worstExit combines the shards' exit codes as a run's recap would.
func worstExit(codes []int) int {
	rank := map[int]int{runner.ExitOK: 0, runner.ExitUnreachable: 1, runner.ExitFailed: 2, runner.ExitHalted: 3, runner.ExitRollback: 4}
	worst, worstRank := runner.ExitOK, 0
	for _, c := range codes {
		r, ok := rank[c]
		if !ok {
			r = len(rank) // a code no recap gives
		}
		if r > worstRank {
			worst, worstRank = c, r
		}
	}
	return worst
}

// ShardState is how a shard of a group stands.
type ShardState string

const (
	ShardRunning  ShardState = "running"
	ShardFinished ShardState = "finished"
	// ShardDead: its controller stopped without finishing (killed, or cut
	// off from the database); run --resume takes its hosts over.
	ShardDead ShardState = "dead"
)

// ShardRecord is one shard of a group's run.
type ShardRecord struct {
	Shard    int
	Holder   Operator
	WaveDone int
	State    ShardState
	ExitCode *int
	// Invocation is how the shard was started.
	Invocation Invocation
}

// Shards lists the shards of a group's run; none for other runs, and on
// SQLite.
func (s *Store) Shards(ctx context.Context, runID string) ([]ShardRecord, error) {
	if s.pg == nil {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT s.shard, h.operator, h.controller, h.pid, s.wave_done, s.finished_at IS NOT NULL,
		switchback_alive(s.holder), s.exit_code, s.dir, s.args, s.withheld, s.sources
		FROM shards s JOIN holders h ON h.id = s.holder WHERE s.run_id = ? ORDER BY s.shard`, runID)
	if err != nil {
		return nil, fmt.Errorf("reading the shards of run %s: %w", runID, err)
	}
	defer rows.Close()
	var out []ShardRecord
	for rows.Next() {
		var r ShardRecord
		var finished, alive bool
		var exit sql.NullInt64
		var args, withheld string
		var sources sql.NullString
		if err := rows.Scan(&r.Shard, &r.Holder.Name, &r.Holder.Controller, &r.Holder.PID, &r.WaveDone, &finished, &alive, &exit,
			&r.Invocation.Dir, &args, &withheld, &sources); err != nil {
			return nil, fmt.Errorf("reading the shards of run %s: %w", runID, err)
		}
		switch {
		case finished:
			r.State = ShardFinished
		case alive:
			r.State = ShardRunning
		default:
			r.State = ShardDead
		}
		if exit.Valid {
			v := int(exit.Int64)
			r.ExitCode = &v
		}
		if err := json.Unmarshal([]byte(args), &r.Invocation.Args); err != nil {
			return nil, fmt.Errorf("reading the shards of run %s: %w", runID, err)
		}
		if err := json.Unmarshal([]byte(withheld), &r.Invocation.Withheld); err != nil {
			return nil, fmt.Errorf("reading the shards of run %s: %w", runID, err)
		}
		if sources.Valid {
			if err := json.Unmarshal([]byte(sources.String), &r.Invocation.Sources); err != nil {
				return nil, fmt.Errorf("reading the shards of run %s: %w", runID, err)
			}
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// RunningBy describes the live controllers of a run, for listings.
func (s *Store) RunningBy(ctx context.Context, runID string) ([]Operator, error) {
	return s.liveHolders(ctx, runID, 0)
}

func encodeInvocation(inv Invocation) (args, withheld, sources string, err error) {
	a, err := json.Marshal(append([]string{}, inv.Args...))
	if err != nil {
		return "", "", "", err
	}
	w, err := json.Marshal(append([]string{}, inv.Withheld...))
	if err != nil {
		return "", "", "", err
	}
	s, err := json.Marshal(inv.Sources)
	if err != nil {
		return "", "", "", err
	}
	return string(a), string(w), string(s), nil
}
