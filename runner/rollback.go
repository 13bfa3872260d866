package runner

import (
	"context"
	"fmt"

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
		h.conn = conn
	}
	return r.engine.Snapshots.Restore(ctx, h.snapshotTarget(), h.snap)
}

// snapshotTarget is what a snapshot provider knows of the host.
func (h *hostRun) snapshotTarget() snapshot.Target {
	t := snapshot.Target{Name: h.host.Name, Address: h.host.Address}
	if h.conn != nil {
		t.Host = h.hostFor(nil)
	}
	return t
}
