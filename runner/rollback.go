package runner

import (
	"context"
	"errors"
	"fmt"
	"slices"

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
	if h.conn == nil && snapshot.NeedsConnection(r.engine.Snapshots) {
		conn, err := r.engine.dial(ctx, h.host)
		if err != nil {
			return fmt.Errorf("cannot reach the host to restore it: %w", err)
		}
		// The host's lock went with its wave: a restore takes it again,
		// so that it never runs while another run changes the host.
		if !r.engine.CheckMode {
			release, err := LockHost(ctx, conn, h.host, HostLock{
				Holder: r.engine.lockHolder(), Wait: r.engine.LockWait, CommandTimeout: r.engine.CommandTimeout})
			if err != nil {
				conn.Close()
				return fmt.Errorf("cannot restore the host: %w", err)
			}
			h.unlock = release
		}
		h.conn = conn
	}
	undoErr := r.runOnRollback(ctx, h)
	if err := r.engine.Snapshots.Restore(ctx, h.snapshotTarget(), h.snap); err != nil {
		return errors.Join(undoErr, err)
	}
	if undoErr != nil {
		return fmt.Errorf("%w; the snapshot was restored", undoErr)
	}
	return nil
}

// runOnRollback runs the on_rollback steps of the phases the host
// entered, last phase first, reported like any step. A failing one does
// not stop the others nor the snapshot's restore; the first failure is
// returned.
func (r *run) runOnRollback(ctx context.Context, h *hostRun) error {
	var first error
	for i := len(h.entered) - 1; i >= 0; i-- {
		ph := h.entered[i]
		if len(ph.OnRollback) == 0 {
			continue
		}
		undo := &playbooks.Phase{Name: ph.Name + " (on_rollback)", Steps: ph.OnRollback}
		for _, st := range undo.Steps {
			if err := r.runStep(ctx, h, undo, st, false); err != nil && first == nil {
				first = fmt.Errorf("on_rollback step %q of phase %q failed: %w", st.Name, ph.Name, err)
			}
		}
	}
	return first
}

// snapshotTarget is what a snapshot provider knows of the host.
func (h *hostRun) snapshotTarget() snapshot.Target {
	t := snapshot.Target{Name: h.host.Name, Address: h.host.Address}
	if h.conn != nil {
		t.Host = h.hostFor(nil)
	}
	return t
}
