package main

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/snapshot"
	"github.com/switchbackhq/switchback/runner/state"
	"github.com/switchbackhq/switchback/runner/transport"
)

type rollbackCmd struct {
	stateArgs
	sshArgs
	ID string `arg:"" name:"run" help:"The run whose snapshots to restore (see 'switchback runs list')."`
	inventoryFlags
	Hosts []string `sep:"," placeholder:"HOST" help:"Only these hosts (default: every host the run snapshotted and did not roll back)."`
}

// Run restores hosts from the snapshots a past run took before changing
// them: after a run halted without a rollback policy, say, or for a host
// that was unreachable when the run wanted to restore it.
func (c *rollbackCmd) Run(env *Env) error {
	st, err := c.open(env)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := st.Run(ctx, c.ID); err != nil {
		return fmt.Errorf("%w; 'switchback runs list' shows the recorded runs", err)
	}
	recorded, err := st.Hosts(ctx, c.ID)
	if err != nil {
		return err
	}
	inv, err := c.inventoryFlags.load(env)
	if err != nil {
		return err
	}

	var todo []struct {
		host *inventory.Host
		snap *snapshot.Snapshot
	}
	for _, name := range c.Hosts {
		if !slices.ContainsFunc(recorded, func(h state.Host) bool { return h.Host == name }) {
			return fmt.Errorf("host %s was not part of run %s", name, c.ID)
		}
	}
	for _, h := range recorded {
		if len(c.Hosts) > 0 && !slices.Contains(c.Hosts, h.Host) {
			continue
		}
		switch {
		case h.Snapshot == "":
			if len(c.Hosts) > 0 {
				fmt.Fprintf(env.Stdout, "%s: no snapshot (the run changed nothing there)\n", h.Host)
			}
			continue
		case h.RolledBack && len(c.Hosts) == 0:
			continue
		}
		target := inv.Host(h.Host)
		if target == nil {
			return fmt.Errorf("host %s of run %s is not in %s; pass the inventory the run used", h.Host, c.ID, c.sources())
		}
		if err := checkSupported([]*inventory.Host{target}); err != nil {
			return err
		}
		todo = append(todo, struct {
			host *inventory.Host
			snap *snapshot.Snapshot
		}{target, &snapshot.Snapshot{Provider: h.SnapshotProvider, RunID: c.ID, Location: h.Snapshot, Digest: h.SnapshotDigest,
			Settings: h.SnapshotSettings}})
	}
	if len(todo) == 0 {
		fmt.Fprintf(env.Stdout, "Nothing to roll back in run %s.\n", c.ID)
		return nil
	}
	dialer, err := c.sshArgs.dialer(env)
	if err != nil {
		return err
	}
	defer dialer.Close()
	failed := 0
	for _, t := range todo {
		err := restoreHost(ctx, dialer, t.host, t.snap)
		if recErr := st.RecordRollback(ctx, c.ID, t.host.Name, err); recErr != nil {
			fmt.Fprintf(env.Stderr, "switchback: %v\n", recErr)
		}
		if err != nil {
			failed++
			fmt.Fprintf(env.Stdout, "ROLLBACK FAILED on %s: %v\n", t.host.Name, err)
			continue
		}
		fmt.Fprintf(env.Stdout, "ROLLED BACK %s from %s\n", t.host.Name, t.snap.Location)
	}
	if failed > 0 {
		fmt.Fprintf(env.Stdout, "%d of %d rollback(s) failed: those hosts need attention.\n", failed, len(todo))
		return exitError{runner.ExitRollback}
	}
	return nil
}

// restoreHost restores one host with the provider that took its
// snapshot, connecting to the host only when the provider works there.
func restoreHost(ctx context.Context, d transport.Dialer, h *inventory.Host, s *snapshot.Snapshot) error {
	return withSnapshotTarget(ctx, d, h, s, func(p snapshot.Provider, t snapshot.Target) error {
		return p.Restore(ctx, t, s)
	})
}

// withSnapshotTarget calls f with the provider of s and the host as the
// provider sees it; the connection, if the provider needs one, is closed
// after f.
func withSnapshotTarget(ctx context.Context, d transport.Dialer, h *inventory.Host, s *snapshot.Snapshot,
	f func(snapshot.Provider, snapshot.Target) error) error {
	p, err := snapshot.ForSnapshot(s)
	if err != nil {
		return err
	}
	t := snapshot.Target{Name: h.Name, Address: h.Address}
	if snapshot.NeedsConnection(p) {
		conn, err := d.Dial(ctx, targetOf(h))
		if err != nil {
			var u *transport.UnreachableError
			if errors.As(err, &u) {
				err = u.Err
			}
			return fmt.Errorf("cannot reach the host: %w", err)
		}
		defer conn.Close()
		t.Host = conn
		if h.Become {
			t.Host = runner.BecomeHost(conn, h.BecomeMethod)
		}
	}
	return f(p, t)
}

func targetOf(h *inventory.Host) transport.Target {
	return runner.TargetFor(h)
}
