package state

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// Controllers sharing a PostgreSQL store see each other through three
// features of the server:
//
//   - Each controller working on a run registers a row in holders and
//     takes the session-level advisory lock (lockNamespace, id) on a
//     connection of its own, for as long as it lives. A controller is
//     alive exactly while the server holds that lock: when its process
//     dies, the kernel closes the connection and the server drops the
//     lock at once; a controller cut off by the network is dropped when
//     the session's TCP keepalives give up (about 25 s). No heartbeat to
//     tune, no clock to trust. switchback_alive(id) reads pg_locks.
//   - The same connection LISTENs on the channel "switchback"; a change
//     that others wait for (a wave done, a halt, a shard joining or
//     leaving) is followed by a NOTIFY whose payload starts with the run
//     id. Waiters also look every pollEvery, so a notification missed
//     costs a moment, never a hang.
//   - Decisions that must see every shard's writes (counting failures
//     against a threshold, joining a group, taking leases) run in
//     transactions that first lock one row or one transaction-scoped
//     advisory lock, so two controllers never decide on half the facts.

// pollEvery is how often a waiting controller looks again without being
// told.
const pollEvery = time.Second

// Advisory locks switchback takes besides holders' (whose second key is
// the holder id): migrations and leases, under lockNamespace+1.
const (
	lockMigrations = 0
	lockLeases     = 1
)

// pgShared is what a PostgreSQL store adds to the tables: this
// controller's session, opened when it claims a run.
type pgShared struct {
	config *pgx.ConnConfig
	db     *db // the store's pool, for the holder's row

	mu   sync.Mutex
	sess *session
}

// close ends this controller's session. Its holder row is marked done
// first: the server drops the session's lock only a moment after the
// connection closes, and a controller looking right after this one
// stopped must not take it for alive.
func (p *pgShared) close() {
	p.mu.Lock()
	sess := p.sess
	p.sess = nil
	p.mu.Unlock()
	if sess == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, _ = p.db.ExecContext(ctx, `UPDATE holders SET finished_at = ? WHERE id = ? AND finished_at IS NULL`, stamp(), sess.holder)
	sess.close()
}

// Operator is who starts a run, and where from.
type Operator struct {
	Name       string // SWITCHBACK_OPERATOR, or the login name
	Controller string // the controller's host name
	PID        int
}

func (o Operator) String() string {
	return fmt.Sprintf("%s on %s (pid %d)", o.Name, o.Controller, o.PID)
}

// session is this controller's own connection: it holds the holder's
// advisory lock and listens for other controllers.
type session struct {
	conn   *pgx.Conn
	holder int
	cancel context.CancelFunc
	done   chan struct{} // the listening loop ended

	mu   sync.Mutex
	wake map[string]chan struct{} // run id → closed at its next notification
	// lost is closed when the connection broke; err says how.
	lost chan struct{}
	err  error
}

var errNotShared = errors.New("this needs a state database that controllers share: --state postgres://... (or SWITCHBACK_STATE)")

// openSession registers this controller as a holder of runID (empty
// until a group is joined) and takes its lock.
func (s *Store) openSession(ctx context.Context, who Operator, runID string, shard int) (*session, error) {
	if s.pg == nil {
		return nil, errNotShared
	}
	s.pg.mu.Lock()
	defer s.pg.mu.Unlock()
	if s.pg.sess != nil {
		return nil, errors.New("this store already holds a run")
	}
	cfg := s.pg.config.Copy()
	// Keepalives on both ends: the server drops a controller cut off by
	// the network (and so its lock) in about 25 s rather than the kernel's
	// two hours, and this controller learns as soon that it is cut off.
	dialer := &net.Dialer{Timeout: cfg.ConnectTimeout,
		KeepAliveConfig: net.KeepAliveConfig{Enable: true, Idle: 10 * time.Second, Interval: 5 * time.Second, Count: 3}}
	cfg.DialFunc = dialer.DialContext
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("state database %s: %w", s.where, err)
	}
	fail := func(err error) (*session, error) {
		conn.Close(context.Background())
		return nil, fmt.Errorf("state database %s: %w", s.where, err)
	}
	if _, err := conn.Exec(ctx, `SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3;
		SET tcp_user_timeout = 25000; SET application_name = 'switchback'`); err != nil {
		return fail(err)
	}
	var id int
	if err := conn.QueryRow(ctx, `INSERT INTO holders (run_id, shard, operator, controller, pid, started_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, runID, shard, who.Name, who.Controller, who.PID, stamp()).Scan(&id); err != nil {
		return fail(fmt.Errorf("registering this controller: %w", err))
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1, $2)`, lockNamespace, id); err != nil {
		return fail(fmt.Errorf("taking this controller's lock: %w", err))
	}
	if _, err := conn.Exec(ctx, `LISTEN switchback`); err != nil {
		return fail(err)
	}
	loopCtx, cancel := context.WithCancel(context.Background())
	se := &session{conn: conn, holder: id, cancel: cancel, done: make(chan struct{}), wake: map[string]chan struct{}{}, lost: make(chan struct{})}
	go se.listen(loopCtx)
	s.pg.sess = se
	return se, nil
}

// listen wakes the waiters of a run at each notification about it.
func (se *session) listen(ctx context.Context) {
	defer close(se.done)
	for {
		n, err := se.conn.WaitForNotification(ctx)
		if err != nil {
			se.mu.Lock()
			if ctx.Err() == nil {
				se.err = err
				close(se.lost)
			}
			for id, ch := range se.wake {
				close(ch)
				delete(se.wake, id)
			}
			se.mu.Unlock()
			return
		}
		runID, _, _ := strings.Cut(n.Payload, " ")
		se.mu.Lock()
		if ch := se.wake[runID]; ch != nil {
			close(ch)
			delete(se.wake, runID)
		}
		se.mu.Unlock()
	}
}

// changed is closed at the next notification about runID. Take it
// before reading what it waits for, so that no notification falls in
// between.
func (se *session) changed(runID string) <-chan struct{} {
	se.mu.Lock()
	defer se.mu.Unlock()
	ch := se.wake[runID]
	if ch == nil {
		ch = make(chan struct{})
		se.wake[runID] = ch
	}
	return ch
}

// wait returns at the next notification about runID, after pollEvery,
// when ctx ends (its error) or when the session broke (that error).
func (se *session) wait(ctx context.Context, ch <-chan struct{}) error {
	t := time.NewTimer(pollEvery)
	defer t.Stop()
	select {
	case <-ch:
	case <-t.C:
	case <-ctx.Done():
		return ctx.Err()
	case <-se.lost:
	}
	return se.broken()
}

func (se *session) broken() error {
	select {
	case <-se.lost:
		return fmt.Errorf("lost this controller's connection to the state database: %w", se.err)
	default:
		return nil
	}
}

// close ends the session: the server drops its lock with it.
func (se *session) close() {
	se.cancel()
	<-se.done
	se.conn.Close(context.Background())
}

// notify tells every listening controller that something of runID
// changed.
func (s *Store) notify(ctx context.Context, runID, what string) error {
	_, err := s.db.ExecContext(ctx, `SELECT pg_notify('switchback', ?)`, runID+" "+what)
	return err
}

func stamp() string { return time.Now().UTC().Format(time.RFC3339Nano) }
