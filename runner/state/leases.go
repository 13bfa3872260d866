package state

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// A lease says a run may change a host. It is held while the run has a
// live holder (a controller whose lock the server holds), so it needs no
// renewal and is never stale: a run whose controllers all died holds
// nothing. A second run whose hosts are leased by a live run is refused
// before it connects to any, naming the run and who started it; the lock
// on each host (runner/hostlock.go) stays, for runs recorded elsewhere.

// Lease is a host leased by another live run.
type Lease struct {
	Host, RunID string
	Holder      Operator
	Since       time.Time
}

// LeaseConflict lists the hosts a run asked for that live runs hold.
type LeaseConflict struct {
	Leases []Lease
}

func (e *LeaseConflict) Error() string {
	byRun := map[string][]Lease{}
	var runs []string
	for _, l := range e.Leases {
		if _, ok := byRun[l.RunID]; !ok {
			runs = append(runs, l.RunID)
		}
		byRun[l.RunID] = append(byRun[l.RunID], l)
	}
	var b strings.Builder
	for i, id := range runs {
		ls := byRun[id]
		var hosts []string
		for _, l := range ls {
			hosts = append(hosts, l.Host)
		}
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s leased by run %s, started by %s since %s, which is still running",
			listHosts(hosts), id, ls[0].Holder, ls[0].Since.Local().Format(time.DateTime))
	}
	b.WriteString(": two runs must not change one host at once. Wait for it to end ('switchback runs show RUN'), or leave these hosts out with --limit")
	return b.String()
}

func listHosts(hosts []string) string {
	if len(hosts) > 8 {
		return fmt.Sprintf("%s and %d more host(s) are", strings.Join(hosts[:8], ", "), len(hosts)-8)
	}
	if len(hosts) == 1 {
		return hosts[0] + " is"
	}
	return strings.Join(hosts, ", ") + " are"
}

// takeLeases leases hosts to runID inside t, or returns a *LeaseConflict
// naming the live runs that hold some of them. Leases are taken one run
// at a time (a transaction-scoped advisory lock), so two runs asking for
// the same host at once cannot both get it.
func takeLeases(ctx context.Context, t *tx, runID string, hosts []string) error {
	if _, err := t.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?, ?)`, lockNamespace+1, lockLeases); err != nil {
		return fmt.Errorf("leasing hosts: %w", err)
	}
	rows, err := t.QueryContext(ctx, `SELECT DISTINCT ON (l.host) l.host, l.run_id, h.operator, h.controller, h.pid, l.since
		FROM leases l JOIN holders h ON h.run_id = l.run_id
		WHERE l.host = ANY(?) AND l.run_id <> ? AND h.finished_at IS NULL AND switchback_alive(h.id)
		ORDER BY l.host, h.id`, hosts, runID)
	if err != nil {
		return fmt.Errorf("leasing hosts: %w", err)
	}
	var conflict LeaseConflict
	for rows.Next() {
		var l Lease
		var since string
		if err := rows.Scan(&l.Host, &l.RunID, &l.Holder.Name, &l.Holder.Controller, &l.Holder.PID, &since); err != nil {
			rows.Close()
			return fmt.Errorf("leasing hosts: %w", err)
		}
		l.Since, _ = time.Parse(time.RFC3339Nano, since)
		conflict.Leases = append(conflict.Leases, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("leasing hosts: %w", err)
	}
	if len(conflict.Leases) > 0 {
		return &conflict
	}
	if _, err := t.ExecContext(ctx, `INSERT INTO leases (host, run_id, since) SELECT h, ?, ? FROM unnest(?::text[]) AS h
		ON CONFLICT (host) DO UPDATE SET run_id = excluded.run_id, since = excluded.since`, runID, stamp(), hosts); err != nil {
		return fmt.Errorf("leasing hosts: %w", err)
	}
	return nil
}

// Claim is a run of one controller registered in a shared store: its
// holder, and the leases of its hosts. On SQLite it holds nothing.
type Claim struct {
	store *Store
	sess  *session
	runID string
}

// Claim registers this controller as the holder of runID and leases
// hosts to it (unless lease is false: a check run changes nothing). It
// refuses a run that a live controller already holds (a resume of a run
// still running) and hosts that another live run holds
// (*LeaseConflict), before any host is contacted. On SQLite, which no
// other controller sees, it returns a claim that holds nothing.
func (s *Store) Claim(ctx context.Context, runID string, hosts []string, who Operator, lease bool) (*Claim, error) {
	if s.pg == nil {
		return &Claim{}, nil
	}
	sess, err := s.openSession(ctx, who, runID, 0)
	if err != nil {
		return nil, err
	}
	c := &Claim{store: s, sess: sess, runID: runID}
	// Looked at once registered: of two resumes started at once, each
	// sees the other, and neither goes on.
	others, err := s.liveHolders(ctx, runID, sess.holder)
	if err == nil && len(others) > 0 {
		err = fmt.Errorf("run %s is still running, started by %s; resume it once it has stopped", runID, others[0])
	}
	if err != nil {
		s.pg.close()
		return nil, err
	}
	if lease {
		err := func() (err error) {
			t, err := s.db.BeginTx(ctx, nil)
			if err != nil {
				return err
			}
			if err := takeLeases(ctx, t, runID, slices.Compact(slices.Sorted(slices.Values(hosts)))); err != nil {
				_ = t.Rollback()
				return err
			}
			return t.Commit()
		}()
		if err != nil {
			s.pg.close()
			return nil, err
		}
	}
	return c, nil
}

// Release ends the claim: the holder is done and its leases go.
func (c *Claim) Release(ctx context.Context) error {
	if c == nil || c.sess == nil {
		return nil
	}
	defer c.store.pg.close()
	if _, err := c.store.db.ExecContext(ctx, `UPDATE holders SET finished_at = ? WHERE id = ?`, stamp(), c.sess.holder); err != nil {
		return fmt.Errorf("releasing run %s: %w", c.runID, err)
	}
	if _, err := c.store.db.ExecContext(ctx, `DELETE FROM leases WHERE run_id = ?`, c.runID); err != nil {
		return fmt.Errorf("releasing the hosts of run %s: %w", c.runID, err)
	}
	return nil
}

// liveHolders describes the live controllers holding runID, but the
// holder except.
func (s *Store) liveHolders(ctx context.Context, runID string, except int) ([]Operator, error) {
	if s.pg == nil {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT operator, controller, pid FROM holders
		WHERE run_id = ? AND id <> ? AND finished_at IS NULL AND switchback_alive(id) ORDER BY id`, runID, except)
	if err != nil {
		return nil, fmt.Errorf("reading who runs %s: %w", runID, err)
	}
	defer rows.Close()
	var out []Operator
	for rows.Next() {
		var o Operator
		if err := rows.Scan(&o.Name, &o.Controller, &o.PID); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
