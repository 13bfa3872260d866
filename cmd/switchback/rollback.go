package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/report"
	"github.com/switchbackhq/switchback/runner/snapshot"
	"github.com/switchbackhq/switchback/runner/state"
	"github.com/switchbackhq/switchback/runner/transport"
)

type rollbackCmd struct {
	stateArgs
	sshArgs
	ID string `arg:"" name:"run" help:"The run whose snapshots to restore (see 'switchback runs list')."`
	inventoryFlags
	Hosts    []string      `sep:"," placeholder:"HOST" help:"Only these hosts (default: every host the run snapshotted and did not roll back)."`
	Check    bool          `help:"Show, per host, what a restore would change (paths, packages, services) without changing anything."`
	LockWait time.Duration `help:"Wait this long for a run that holds a host to release it (default: a few seconds, then that host's restore fails and the others go on)."`
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

	var todo []restoreTarget
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
		todo = append(todo, restoreTarget{target, &snapshot.Snapshot{Provider: h.SnapshotProvider, RunID: c.ID, Location: h.Snapshot, Digest: h.SnapshotDigest,
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
	if c.Check {
		return checkRollback(ctx, env, dialer, todo)
	}
	failed := 0
	restorer := recordedSnapshots(dialer)
	// Each host is restored under its run lock, as a run changes it.
	restorer.Lock = runner.HostLock{Holder: runner.LockHolder("rollback of run " + c.ID), Wait: c.LockWait}
	for _, t := range todo {
		err := restorer.Restore(ctx, t.host, t.snap)
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

type restoreTarget struct {
	host *inventory.Host
	snap *snapshot.Snapshot
}

// checkRollback prints what restoring each host would change.
func checkRollback(ctx context.Context, env *Env, dialer transport.Dialer, todo []restoreTarget) error {
	failed := 0
	for _, t := range todo {
		changes, err := recordedSnapshots(dialer).Check(ctx, t.host, t.snap)
		switch {
		case err != nil:
			failed++
			fmt.Fprintf(env.Stdout, "%s: cannot check: %v\n", t.host.Name, err)
		case changes.Empty():
			fmt.Fprintf(env.Stdout, "%s: a restore would change nothing\n", t.host.Name)
		default:
			fmt.Fprintf(env.Stdout, "%s: a restore from %s would change\n", t.host.Name, t.snap.Location)
			section := func(title string, items []string) {
				if len(items) > 0 {
					fmt.Fprintf(env.Stdout, "  %s:\n", title)
					for _, it := range items {
						fmt.Fprintf(env.Stdout, "    %s\n", report.Printable(it))
					}
				}
			}
			section("paths", changes.Paths)
			section("packages", changes.Packages)
			var services []string
			for _, s := range changes.Stop {
				services = append(services, "stop "+s)
			}
			for _, s := range changes.Start {
				services = append(services, "start "+s)
			}
			section("services", services)
		}
	}
	fmt.Fprintln(env.Stdout, "Nothing was changed (--check).")
	if failed > 0 {
		return exitError{runner.ExitRollback}
	}
	return nil
}

// recordedSnapshots acts on recorded snapshots with the providers switchback ships.
func recordedSnapshots(d transport.Dialer) runner.RecordedSnapshots {
	return runner.RecordedSnapshots{Dialer: d, Types: snapshot.Builtin()}
}
