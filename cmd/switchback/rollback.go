package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/playbooks"
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
	Hosts        []string      `sep:"," placeholder:"HOST" help:"Only these hosts (default: every host the run snapshotted and did not roll back)."`
	Check        bool          `help:"Show, per host, the on_rollback steps that would run and what a restore would change (paths, packages, services) without changing anything."`
	LockWait     time.Duration `help:"Wait this long for a run that holds a host to release it (default: a few seconds, then that host's restore fails and the others go on)."`
	AllowChanged bool          `help:"Run the on_rollback steps of the run's playbook as it is now, though it or a var file changed since the run started (by default such a rollback is refused)."`
	NoOnRollback bool          `name:"no-on-rollback" help:"Restore the snapshots only: do not run the on_rollback steps of the phases the hosts entered."`
}

// Run restores hosts from the snapshots a past run took before changing
// them: after a run halted without a rollback policy, say, or for a host
// that was unreachable when the run wanted to restore it. As the run's
// own rollback does, each host first runs the on_rollback steps of the
// phases it entered, last phase first, from the run's playbook, found
// and loaded as 'run --resume' finds it.
func (c *rollbackCmd) Run(env *Env) error {
	if c.AllowChanged && c.NoOnRollback {
		return fmt.Errorf("--allow-changed is about the on_rollback steps, which --no-on-rollback leaves out: give one of them")
	}
	st, err := c.open(env)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	run, err := st.Run(ctx, c.ID)
	if err != nil {
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
		t := restoreTarget{host: target, snap: &snapshot.Snapshot{Provider: h.SnapshotProvider, RunID: c.ID, Location: h.Snapshot, Digest: h.SnapshotDigest,
			Settings: h.SnapshotSettings}}
		if !c.NoOnRollback {
			if t.phases, t.phasesRecorded, err = st.EnteredPhases(ctx, c.ID, h.Host); err != nil {
				return err
			}
		}
		todo = append(todo, t)
	}
	if len(todo) == 0 {
		fmt.Fprintf(env.Stdout, "Nothing to roll back in run %s.\n", c.ID)
		return nil
	}
	undo, err := c.onRollback(ctx, env, st, run, todo)
	if err != nil {
		return err
	}
	dialer, err := c.sshArgs.dialer(env)
	if err != nil {
		return err
	}
	defer dialer.Close()
	if c.Check {
		return checkRollback(ctx, env, dialer, todo)
	}
	engine := &runner.Engine{Dialer: dialer, LockWait: c.LockWait, RunID: c.ID, Secrets: inv.Secrets}
	if undo.run != nil {
		engine.CommandTimeout = undo.run.CommandTimeout
		engine.Secrets = append(undo.playbook.SensitiveValues(), inv.Secrets...)
	}
	recorder := st.Recorder(c.ID)
	engine.Observer = runner.Observers{recorder, &report.Console{Out: env.Stdout}}
	hosts := make([]runner.RecordedHost, len(todo))
	for i, t := range todo {
		hosts[i] = runner.RecordedHost{Host: t.host, Snapshot: t.snap, Entered: t.entered}
	}
	failed := 0
	for _, err := range engine.Rollback(ctx, undo.playbook, snapshot.Builtin(), hosts) {
		if err != nil {
			failed++
		}
	}
	if err := recorder.Err(); err != nil {
		fmt.Fprintf(env.Stderr, "switchback: %v\n", err)
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
	// phases are those the host entered, as recorded (phasesRecorded)
	// or, for runs recorded before that, as its steps show; entered are
	// the playbook's phases of those names, once it is loaded.
	phases         []state.PhaseRecord
	phasesRecorded bool
	entered        []*playbooks.Phase
}

// undoSource is the run's playbook, as loaded for its on_rollback steps,
// and the run command that started the run; both nil when no host needs
// them.
type undoSource struct {
	playbook *playbooks.Playbook
	run      *runCmd
}

// onRollback loads the run's playbook when a host to restore entered a
// phase with on_rollback steps (or, for a run recorded before the phases
// were kept, may have), and gives each host the phases it entered.
// Edited or gone playbook files refuse the rollback, unless
// --allow-changed; --no-on-rollback restores the snapshots only.
func (c *rollbackCmd) onRollback(ctx context.Context, env *Env, st *state.Store, run state.Run, todo []restoreTarget) (undoSource, error) {
	if c.NoOnRollback {
		return undoSource{}, nil
	}
	needed := slices.ContainsFunc(todo, func(t restoreTarget) bool {
		return slices.ContainsFunc(t.phases, func(p state.PhaseRecord) bool { return p.OnRollback != 0 })
	})
	if !needed {
		return undoSource{}, nil
	}
	inv, err := recordedInvocation(ctx, st, run)
	if errors.Is(err, state.ErrNoInvocation) {
		return undoSource{}, fmt.Errorf("run %s did not record how it was started, so its playbook cannot be found to run the on_rollback steps of the phases its hosts entered; give --no-on-rollback to restore the snapshots only", c.ID)
	}
	if err != nil {
		return undoSource{}, err
	}
	again, err := c.stateArgs.recordedRun(env, c.ID, inv, c.AllowChanged, recordedUse{
		retry: "roll back again, or give --no-on-rollback to restore the snapshots only",
		refuse: func(changed []string) error {
			if slices.ContainsFunc(changed, func(f string) bool { return strings.HasSuffix(f, " (gone)") }) {
				return fmt.Errorf("the files run %s was started from can no longer be found (%s), so the on_rollback steps of the phases its hosts entered cannot run; put them back, or give --no-on-rollback to restore the snapshots only",
					c.ID, strings.Join(changed, ", "))
			}
			return fmt.Errorf("run %s was started from files that changed since: %s. Its hosts entered phases with on_rollback steps, which would run as they are now; put the files back as they were, give --allow-changed to run the steps as they are now, or --no-on-rollback to restore the snapshots only",
				c.ID, strings.Join(changed, ", "))
		},
		allowed: fmt.Sprintf("running the on_rollback steps of run %s from files that changed since it started (--allow-changed)", c.ID),
	})
	if err != nil {
		return undoSource{}, err
	}
	cannot := func(err error) error {
		reason := err.Error()
		if errors.As(err, new(exitError)) {
			reason = "see above" // the diagnostics are printed
		}
		return fmt.Errorf("the playbook of run %s (%s) can no longer be loaded (%s), so the on_rollback steps of the phases its hosts entered cannot run; give --no-on-rollback to restore the snapshots only", c.ID, again.Playbook, reason)
	}
	l, err := load(env, playbookArgs{Playbook: again.Playbook, Vars: again.Vars, VarFiles: again.VarFiles}, nil)
	if err != nil {
		return undoSource{}, cannot(err)
	}
	pb, err := again.selectArgs.apply(l.playbook)
	if err != nil {
		return undoSource{}, cannot(err)
	}
	for i := range todo {
		t := &todo[i]
		for _, p := range t.phases {
			i := slices.IndexFunc(pb.Phases, func(ph *playbooks.Phase) bool { return ph.Name == p.Name })
			switch {
			case i >= 0:
				t.entered = append(t.entered, pb.Phases[i])
			case t.phasesRecorded:
				fmt.Fprintf(env.Stderr, "switchback: warning: %s entered phase %q, which the playbook no longer has: its on_rollback steps cannot run\n", t.host.Name, p.Name)
			}
		}
	}
	return undoSource{playbook: pb, run: again}, nil
}

// checkRollback prints, for each host, the on_rollback steps that would
// run and what restoring its snapshot would change.
func checkRollback(ctx context.Context, env *Env, dialer transport.Dialer, todo []restoreTarget) error {
	failed := 0
	for _, t := range todo {
		if undo := runner.OnRollbackPhases(t.entered); len(undo) > 0 {
			fmt.Fprintf(env.Stdout, "%s: on_rollback steps would run first, in this order:\n", t.host.Name)
			for _, ph := range undo {
				for _, step := range ph.Steps {
					fmt.Fprintf(env.Stdout, "    %s / %s\n", report.Printable(ph.Name), report.Printable(step.Name))
				}
			}
		}
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
