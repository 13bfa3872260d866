package runner

import (
	"context"
	"fmt"
	"time"
)

// What a run does differently when it is one shard of a group
// (Engine.Group); every method is a no-op without a group.

// mine says whether this controller drives host.
func (r *run) mine(host string) bool {
	return r.owner == nil || r.owner[host] == r.shard
}

// watchGroup turns another shard's halt into this run's, until done.
func (r *run) watchGroup(ctx context.Context, done <-chan struct{}) {
	g := r.engine.Group
	if g == nil {
		return
	}
	watchCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	go func() {
		<-done
		cancel()
	}()
	go g.Watch(watchCtx, func(h Halted, byThreshold bool) {
		r.mu.Lock()
		if r.stopped != nil || r.over {
			r.mu.Unlock()
			return
		}
		r.byThreshold = byThreshold
		r.stopped = &h
		r.engine.emit(h)
		r.mu.Unlock()
	})
}

// publishHalt tells the other shards that this one halted the run.
func (r *run) publishHalt(h Halted, byThreshold bool) {
	g := r.engine.Group
	if g == nil {
		return
	}
	// The halt must reach the others even when the operator's second
	// interrupt cancelled this run's context.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := g.Halt(ctx, h, byThreshold); err != nil {
		r.engine.emit(GroupTrouble{Err: fmt.Errorf("telling the other shards of the halt: %w", err)})
	}
}

// fleetFailures records a failed host with the group and returns the
// failures of its wave and of its route map, fleet-wide. When the group
// cannot be reached, this shard halts: it would judge thresholds blind.
func (r *run) fleetFailures(w *wave, host string, status HostStatus) (waveFailed, totalFailed int, ok bool) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	waveFailed, totalFailed, err := r.engine.Group.Failed(ctx, host, status, w.fleet, w.seg.fleet)
	if err != nil {
		r.halt(w.index, fmt.Sprintf("the failure of %s could not be counted fleet-wide (%v); this shard stops rather than judge thresholds alone", host, err))
		return 0, 0, false
	}
	return waveFailed, totalFailed, true
}

// waveDone waits, at the end of a wave, for every shard to finish it:
// no shard starts a wave before all finished the one before, and a halt
// or a rollback is decided with the whole wave known.
func (r *run) waveDone(ctx context.Context, w *wave) {
	g := r.engine.Group
	if g == nil {
		return
	}
	err := g.WaveDone(ctx, w.index, func(sw ShardsWaiting) { r.engine.emit(sw) })
	switch {
	case err == nil:
	case ctx.Err() != nil:
		r.halt(w.index, "interrupted while waiting for the other shards")
	default:
		r.halt(w.index, fmt.Sprintf("waiting for the other shards to finish wave %d: %v", w.index, err))
	}
}
