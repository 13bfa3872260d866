package runner

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// rollbackAfterHalt restores hosts once a threshold halted the run: with
// policy "wave" every changed host of the halted wave, with "run" every
// host the run changed, newest wave first. A halt by the operator
// (Ctrl-C) restores nothing: stopping is not a verdict on the changes.
func (r *run) rollbackAfterHalt(ctx context.Context) {
	r.mu.Lock()
	byThreshold, done := r.byThreshold, r.rolledBack
	if byThreshold {
		r.rolledBack = true
	}
	r.mu.Unlock()
	if !byThreshold || done {
		return
	}
	// The policy is the halted segment's: in a hybrid rollout, "run"
	// reaches back into the rollouts that ran before it.
	last := r.waves[len(r.waves)-1]
	var waves []*wave
	switch last.seg.route.Rollback {
	case rollout.RollbackWave:
		waves = []*wave{last}
	case rollout.RollbackRun:
		for i := len(r.waves) - 1; i >= 0; i-- {
			waves = append(waves, r.waves[i])
		}
	default:
		return
	}
	for _, w := range waves {
		r.parallel(w.seg.route.Forks, w.hosts, func() bool { return false }, func(h *hostRun) { r.restore(ctx, h) })
		w.closeAll()
	}
}

// rollbackAll restores every host the run snapshotted, newest wave
// first: a rollback drill.
func (r *run) rollbackAll(ctx context.Context) {
	r.mu.Lock()
	waves := slices.Clone(r.waves)
	r.mu.Unlock()
	for i := len(waves) - 1; i >= 0; i-- {
		w := waves[i]
		r.parallel(w.seg.route.Forks, w.hosts, func() bool { return false }, func(h *hostRun) { r.restore(ctx, h) })
		w.closeAll()
	}
}

// restore puts one host back from its snapshot. It runs even after the
// operator interrupted the run: half a restore is worse than none.
func (r *run) restore(ctx context.Context, h *hostRun) {
	if h.snap == nil || h.rec.RolledBack || h.rec.RollbackErr != nil {
		return
	}
	ctx = context.WithoutCancel(ctx)
	r.engine.emit(RollbackStarted{Host: h.host.Name, Snapshot: *h.snap})
	err := r.restoreOver(ctx, h)
	h.rec.RolledBack, h.rec.RollbackErr = err == nil, r.engine.mask.err(err)
	r.engine.emit(RollbackFinished{Host: h.host.Name, Err: err})
}

func (r *run) restoreOver(ctx context.Context, h *hostRun) error {
	p := r.engine.Snapshots
	if r.recorded != nil {
		var err error
		if p, err = r.recorded.ForSnapshot(h.snap); err != nil {
			return err
		}
	}
	undo := OnRollbackPhases(h.entered)
	if h.conn == nil && (snapshot.NeedsConnection(p) || len(undo) > 0) {
		conn, err := r.engine.dial(ctx, h.host)
		if err != nil {
			return fmt.Errorf("cannot reach the host to restore it: %w", err)
		}
		// The host's lock went with its wave (or its run): a restore
		// takes it again, so that it never runs while another run
		// changes the host.
		if !r.engine.CheckMode {
			release, err := LockHost(ctx, conn, h.host, HostLock{
				Holder: r.lockHolder(), Wait: r.engine.LockWait, CommandTimeout: r.engine.CommandTimeout})
			if err != nil {
				conn.Close()
				return fmt.Errorf("cannot restore the host: %w", err)
			}
			h.unlock = release
		}
		h.conn = conn
	}
	undoErr := r.runOnRollback(ctx, h, undo)
	if err := p.Restore(ctx, h.snapshotTarget(), h.snap); err != nil {
		return errors.Join(undoErr, err)
	}
	if undoErr != nil {
		return fmt.Errorf("%w; the snapshot was restored", undoErr)
	}
	return nil
}

// lockHolder is who a restore says holds the host.
func (r *run) lockHolder() string {
	if r.recorded != nil {
		return LockHolder("rollback of run " + r.engine.RunID)
	}
	return r.engine.lockHolder()
}

// OnRollbackPhases lists the on_rollback steps of the phases a host
// entered (in the order it entered them) as the phases a rollback runs,
// in the order it runs them: last phase first, each named "PHASE
// (on_rollback)", as its steps are reported.
func OnRollbackPhases(entered []*playbooks.Phase) []*playbooks.Phase {
	var undo []*playbooks.Phase
	for i := len(entered) - 1; i >= 0; i-- {
		if ph := entered[i]; len(ph.OnRollback) > 0 {
			undo = append(undo, &playbooks.Phase{Name: ph.Name + onRollbackSuffix, Steps: ph.OnRollback})
		}
	}
	return undo
}

const onRollbackSuffix = " (on_rollback)"

// runOnRollback runs the on_rollback steps of the phases the host
// entered, last phase first, reported like any step. A failing one does
// not stop the others nor the snapshot's restore; the first failure is
// returned.
func (r *run) runOnRollback(ctx context.Context, h *hostRun, undo []*playbooks.Phase) error {
	if len(undo) == 0 {
		return nil
	}
	if r.playbook.UsesFacts() && h.hostScope().Facts == nil {
		// A later rollback starts without the run's facts.
		facts, err := GatherFacts(ctx, h.hostFor(nil))
		if err != nil {
			return fmt.Errorf("gathering facts for the on_rollback steps: %w", err)
		}
		h.hostScope().Facts = facts
	}
	var first error
	for _, ph := range undo {
		for _, st := range ph.Steps {
			if err := r.runStep(ctx, h, ph, st, false); err != nil && first == nil {
				first = fmt.Errorf("on_rollback step %q of phase %q failed: %w", st.Name, strings.TrimSuffix(ph.Name, onRollbackSuffix), err)
			}
		}
	}
	return first
}

// RecordedHost is a host that an ended run snapshotted, to be put back.
type RecordedHost struct {
	Host     *inventory.Host
	Snapshot *snapshot.Snapshot
	// Entered are the playbook's phases the host entered, in order: the
	// on_rollback steps of those that have some run before the restore.
	Entered []*playbooks.Phase
}

// Rollback puts back hosts that the ended run e.RunID snapshotted, one
// after another, as the run's own rollback does: under the host's lock,
// the on_rollback steps of the phases it entered (last phase first),
// then its snapshot, with the provider that took it rebuilt from its
// record by types. pb is the playbook the steps belong to (nil when no
// host entered a phase with any). Events go to e.Observer; the result
// is each host's error (nil: rolled back), in the order of hosts.
func (e *Engine) Rollback(ctx context.Context, pb *playbooks.Playbook, types snapshot.Types, hosts []RecordedHost) []error {
	if len(e.Secrets) > 0 {
		e.mask = newMasker(e.Secrets)
	}
	if pb == nil {
		pb = &playbooks.Playbook{}
	}
	r := &run{engine: e, playbook: pb, recorded: types, finished: map[string]chan struct{}{}, outcome: map[string]HostStatus{}}
	errs := make([]error, len(hosts))
	for i, rh := range hosts {
		h := &hostRun{host: rh.Host, rec: &HostRecap{Host: rh.Host.Name}, snap: rh.Snapshot, entered: rh.Entered,
			pipe: newPipeline(journalPath(e.RunID), e.CommandTimeout)}
		r.restore(ctx, h)
		errs[i] = h.rec.RollbackErr
		if h.unlock != nil {
			h.unlock()
		}
		if h.conn != nil {
			h.conn.Close()
		}
	}
	return errs
}

// snapshotTarget is what a snapshot provider knows of the host.
func (h *hostRun) snapshotTarget() snapshot.Target {
	t := snapshot.Target{Name: h.host.Name, Address: h.host.Address}
	if h.conn != nil {
		t.Host = h.hostFor(nil)
	}
	return t
}
