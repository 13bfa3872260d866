package runner

import (
	"context"
	"errors"
	"fmt"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/runner/snapshot"
	"github.com/switchbackhq/switchback/runner/transport"
)

// Connect dials an inventory host and returns it as steps see it: as
// root when the inventory says become. close ends the connection.
func Connect(ctx context.Context, d transport.Dialer, h *inventory.Host) (host hostcmd.Host, close func() error, err error) {
	conn, err := d.Dial(ctx, TargetFor(h))
	if err != nil {
		return nil, nil, err
	}
	if h.Become {
		return BecomeHost(conn, h.BecomeMethod), conn.Close, nil
	}
	return conn, conn.Close, nil
}

// RecordedSnapshots acts on snapshots that earlier runs recorded
// (rollback, rollback --check, snapshots prune, a drill's last restore),
// each with the provider that took it, rebuilt from the record.
type RecordedSnapshots struct {
	Dialer transport.Dialer
	Types  snapshot.Types
	// Lock, when its Holder is set, is how a restore takes the host's
	// lock, as a run does: a restore never runs while a run (a resumed
	// one, another operator's) changes the host, nor a run while it
	// restores.
	Lock HostLock
}

// Restore puts h back as s holds it.
func (r RecordedSnapshots) Restore(ctx context.Context, h *inventory.Host, s *snapshot.Snapshot) error {
	return r.with(ctx, h, s, r.Lock.Holder != "", func(p snapshot.Provider, t snapshot.Target) error {
		return p.Restore(ctx, t, s)
	})
}

// Delete removes s.
func (r RecordedSnapshots) Delete(ctx context.Context, h *inventory.Host, s *snapshot.Snapshot) error {
	return r.with(ctx, h, s, false, func(p snapshot.Provider, t snapshot.Target) error {
		return p.Delete(ctx, t, s)
	})
}

// Check says what restoring h from s would change, for providers that
// can tell (snapshot.Checker).
func (r RecordedSnapshots) Check(ctx context.Context, h *inventory.Host, s *snapshot.Snapshot) (*snapshot.Changes, error) {
	var changes *snapshot.Changes
	err := r.with(ctx, h, s, false, func(p snapshot.Provider, t snapshot.Target) error {
		c, ok := p.(snapshot.Checker)
		if !ok {
			return fmt.Errorf("the %s provider cannot tell what a restore would change", s.Provider)
		}
		var err error
		changes, err = c.Check(ctx, t, s)
		return err
	})
	return changes, err
}

// with calls f with the provider of s and the host as the provider sees
// it; the connection, if the provider needs one, is closed after f, and
// with lock the host's lock is held while f runs.
func (r RecordedSnapshots) with(ctx context.Context, h *inventory.Host, s *snapshot.Snapshot, lock bool, f func(snapshot.Provider, snapshot.Target) error) error {
	p, err := r.Types.ForSnapshot(s)
	if err != nil {
		return err
	}
	t := snapshot.Target{Name: h.Name, Address: h.Address}
	if snapshot.NeedsConnection(p) {
		conn, err := r.Dialer.Dial(ctx, TargetFor(h))
		if err != nil {
			var u *transport.UnreachableError
			if errors.As(err, &u) {
				err = u.Err
			}
			return fmt.Errorf("cannot reach the host: %w", err)
		}
		defer conn.Close()
		if lock {
			release, err := LockHost(ctx, conn, h, r.Lock)
			if err != nil {
				return err
			}
			if release != nil {
				defer release()
			}
		}
		t.Host = conn
		if h.Become {
			t.Host = BecomeHost(conn, h.BecomeMethod)
		}
	}
	return f(p, t)
}
