// Package runner is switchback's engine: it takes a decoded playbook, the
// hosts in scope and a route map, and converges the hosts wave by wave,
// halting when failures cross a threshold. Everything it does is reported
// as events.
package runner

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/snapshot"
	"github.com/switchbackhq/switchback/runner/transport"
)

// Engine runs playbooks. It holds no state between runs.
type Engine struct {
	Dialer   transport.Dialer
	Observer Observer
	// CheckMode plans every step without applying any.
	CheckMode bool
	// CommandTimeout bounds each module call on a host (0: no bound).
	CommandTimeout time.Duration
	// Snapshots, when set, snapshots each host before its first change,
	// so that the route's rollback policy can restore it.
	Snapshots snapshot.Provider
	// RunID names this run's snapshots on the hosts.
	RunID string
	// Drain, once closed, halts the run gracefully: no new host starts and
	// hosts in flight stop after their current step. Cancelling the
	// context passed to Run is the hard stop that kills commands in flight.
	Drain <-chan struct{}
	// Confirm asks the operator whether to start the next wave, when the
	// route pauses for confirmation. It must be set for such a route.
	Confirm func(ctx context.Context, next WaveStarted) (bool, error)
}

// Run converges hosts along the route: wave after wave, up to route.Forks
// hosts at a time inside a wave, each host through its phases in order
// (or, with order "phase", each phase across the wave's hosts before the
// next). A failed step fails its host; when a wave's or the run's
// failures cross their threshold the run halts: no new host starts,
// hosts in flight stop after their current step, no later wave starts.
func (e *Engine) Run(ctx context.Context, pb *playbooks.Playbook, hosts []*inventory.Host, route rollout.Route) *Recap {
	route = route.Resolve()
	sizes := route.WaveSizes(len(hosts))
	names := make([]string, len(hosts))
	recap := &Recap{Hosts: make([]*HostRecap, len(hosts))}
	for i, h := range hosts {
		names[i] = h.Name
		recap.Hosts[i] = &HostRecap{Host: h.Name, Status: HostNotStarted}
	}
	r := &run{engine: e, playbook: pb, route: route, total: len(hosts)}
	if pb.Gate != nil && !e.CheckMode {
		r.gate = &playbooks.Phase{Name: "gate", Steps: pb.Gate.Steps}
	}
	var phases []string
	for _, ph := range r.phases() {
		phases = append(phases, ph.Name)
	}
	e.emit(RunStarted{Playbook: pb.Name, Hosts: names, Phases: phases, Steps: r.steps(), CheckMode: e.CheckMode, Route: route, Waves: sizes})

	runDone := make(chan struct{})
	defer close(runDone)
	r.watchDrain(runDone)
	if e.Snapshots == nil {
		r.route.Rollback = rollout.NoRollback // nothing to restore from
	}
	offset := 0
	for i, n := range sizes {
		wave := &wave{index: i + 1, size: n}
		for j := offset; j < offset+n; j++ {
			recap.Hosts[j].Wave = wave.index
			wave.hosts = append(wave.hosts, &hostRun{host: hosts[j], rec: recap.Hosts[j], left: r.steps()})
		}
		offset += n
		started := WaveStarted{Index: wave.index, Of: len(sizes), Hosts: names[offset-n : offset], Tolerance: route.MaxFail.Tolerance(n)}
		if i > 0 {
			r.pause(ctx, started)
		}
		if r.halted() {
			break
		}
		if ctx.Err() != nil {
			r.halt(wave.index, "interrupted before wave "+fmt.Sprint(wave.index)+" started")
			break
		}
		e.emit(started)
		r.mu.Lock()
		r.waves = append(r.waves, wave)
		r.mu.Unlock()
		r.runWave(ctx, wave)
		e.emit(wave.finished())
		r.rollbackAfterHalt(ctx)
		wave.closeAll()
	}
	recap.Halt = r.halt(0, "")
	e.emit(RunFinished{Recap: recap})
	return recap
}

// run is the state shared by every host of one run.
type run struct {
	engine   *Engine
	playbook *playbooks.Playbook
	route    rollout.Route
	total    int
	// gate is the playbook's gate as a last phase; nil without one, and in
	// check mode, where nothing converged that could be checked.
	gate *playbooks.Phase

	mu          sync.Mutex
	totalFailed int
	stopped     *Halted
	// byThreshold is set when the halt came from a threshold, not from the
	// operator: only then do wave and run rollbacks happen.
	byThreshold bool
	waves       []*wave
	rolledBack  bool // rollbackAfterHalt ran
}

// phases lists what a host goes through, the gate last.
func (r *run) phases() []*playbooks.Phase {
	if r.gate == nil {
		return r.playbook.Phases
	}
	return append(slices.Clone(r.playbook.Phases), r.gate)
}

func (r *run) steps() int {
	n := r.playbook.StepCount()
	if r.gate != nil {
		n += len(r.gate.Steps)
	}
	return n
}

// soak waits the gate's soak time; it ends early when the context does.
func (r *run) soak(ctx context.Context) {
	if r.gate == nil || r.playbook.Gate.Soak <= 0 {
		return
	}
	t := time.NewTimer(r.playbook.Gate.Soak)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// pause waits between waves as the route says: a fixed time (cut short
// by an interrupt), or the operator's answer.
func (r *run) pause(ctx context.Context, next WaveStarted) {
	p := r.route.Pause
	if r.halted() || (p.Wait == 0 && !p.Confirm) {
		return
	}
	r.engine.emit(Paused{Before: next.Index, Wait: p.Wait, Confirm: p.Confirm})
	if p.Confirm {
		ok, err := r.engine.Confirm(ctx, next)
		switch {
		case err != nil:
			r.halt(next.Index-1, fmt.Sprintf("could not ask whether to start wave %d: %v", next.Index, err))
		case !ok:
			r.halt(next.Index-1, fmt.Sprintf("the operator declined to start wave %d", next.Index))
		}
		return
	}
	t := time.NewTimer(p.Wait)
	defer t.Stop()
	select {
	case <-t.C:
	case <-r.engine.Drain:
	case <-ctx.Done():
	}
}

func (r *run) currentWave() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.waves) == 0 {
		return 1
	}
	return r.waves[len(r.waves)-1].index
}

type wave struct {
	index, size int
	hosts       []*hostRun
	failed      int // guarded by run.mu
}

func (w *wave) finished() WaveFinished {
	ev := WaveFinished{Index: w.index}
	for _, h := range w.hosts {
		switch h.rec.Status {
		case HostOK:
			ev.OK++
		case HostFailed:
			ev.Failed++
		case HostUnreachable:
			ev.Unreachable++
		default:
			ev.Unstarted++
		}
	}
	return ev
}

func (w *wave) closeAll() {
	for _, h := range w.hosts {
		if h.conn != nil {
			h.conn.Close()
			h.conn = nil
		}
	}
}

// hostRun is one host's progress through the run. Its connection stays
// open until the end of its wave, so a wave rollback needs no reconnect.
type hostRun struct {
	host *inventory.Host
	rec  *HostRecap
	conn transport.Conn
	left int // steps not yet run
	done bool
	snap *snapshot.Snapshot
}

// halt records the first reason to stop; later calls keep it. With an
// empty reason it only reports the current state.
func (r *run) halt(waveIndex int, reason string) *Halted {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped == nil && reason != "" {
		r.stopped = &Halted{Wave: waveIndex, Reason: reason}
		r.engine.emit(*r.stopped)
	}
	return r.stopped
}

func (r *run) halted() bool { return r.halt(0, "") != nil }

// watchDrain records the operator's interrupt as the run's halt the
// moment it comes, so that it is the reason reported, not the failures
// that a later hard stop causes.
func (r *run) watchDrain(done <-chan struct{}) {
	if r.engine.Drain == nil {
		return
	}
	go func() {
		select {
		case <-r.engine.Drain:
			r.halt(r.currentWave(), "interrupted by the operator")
		case <-done:
		}
	}()
}

func (r *run) haltByThreshold(waveIndex int, reason string) {
	r.mu.Lock()
	if r.stopped == nil {
		r.byThreshold = true
	}
	r.mu.Unlock()
	r.halt(waveIndex, reason)
}

// account counts a finished host against the thresholds.
func (r *run) account(w *wave, status HostStatus) {
	if !status.countsAsFailure() {
		return
	}
	r.mu.Lock()
	w.failed++
	r.totalFailed++
	waveFailed, totalFailed := w.failed, r.totalFailed
	r.mu.Unlock()
	switch {
	case r.route.MaxFail.Exceeded(waveFailed, w.size):
		r.haltByThreshold(w.index, fmt.Sprintf("%d of %d host(s) in wave %d failed or were unreachable, more than max_fail %s tolerates (%d)",
			waveFailed, w.size, w.index, r.route.MaxFail, r.route.MaxFail.Tolerance(w.size)))
	case r.route.MaxFailTotal.Exceeded(totalFailed, r.total):
		r.haltByThreshold(w.index, fmt.Sprintf("%d of %d host(s) in the run failed or were unreachable, more than max_fail_total %s tolerates (%d)",
			totalFailed, r.total, r.route.MaxFailTotal, r.route.MaxFailTotal.Tolerance(r.total)))
	}
}

func (r *run) runWave(ctx context.Context, w *wave) {
	if r.route.Order == rollout.ByPhase {
		r.runWaveByPhase(ctx, w)
		return
	}
	r.each(ctx, w.hosts, func(h *hostRun) {
		if !r.connect(ctx, w, h) {
			return
		}
		for _, ph := range r.playbook.Phases {
			if !r.runPhase(ctx, w, h, ph) {
				return
			}
		}
		if r.gate != nil {
			r.soak(ctx)
			if !r.runPhase(ctx, w, h, r.gate) {
				return
			}
		}
		r.finish(ctx, w, h, HostOK, nil)
	})
}

// runWaveByPhase sweeps each phase across the wave's hosts, with a
// barrier between phases; a host that failed drops out of later phases.
func (r *run) runWaveByPhase(ctx context.Context, w *wave) {
	for _, ph := range r.phases() {
		var alive []*hostRun
		for _, h := range w.hosts {
			if !h.done {
				alive = append(alive, h)
			}
		}
		if ph == r.gate && len(alive) > 0 {
			r.soak(ctx) // once for the wave: its hosts converged together
		}
		r.each(ctx, alive, func(h *hostRun) {
			if h.conn == nil && !r.connect(ctx, w, h) {
				return
			}
			r.runPhase(ctx, w, h, ph)
		})
	}
	for _, h := range w.hosts {
		switch {
		case h.done:
		case h.conn == nil: // never started: the run halted first
		case r.halted():
			r.finish(ctx, w, h, HostHalted, nil)
		default:
			r.finish(ctx, w, h, HostOK, nil)
		}
	}
}

// each runs f for hosts, at most route.Forks at a time, and starts no new
// host once the run has halted or was interrupted.
func (r *run) each(ctx context.Context, hosts []*hostRun, f func(*hostRun)) {
	r.parallel(hosts, func() bool { return r.halted() || ctx.Err() != nil }, f)
}

// parallel runs f for hosts, at most route.Forks at a time, until stop
// says no more may start.
func (r *run) parallel(hosts []*hostRun, stop func() bool, f func(*hostRun)) {
	slots := make(chan struct{}, r.route.Forks)
	var wg sync.WaitGroup
	for _, h := range hosts {
		slots <- struct{}{}
		if stop() {
			<-slots
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			f(h)
		}()
	}
	wg.Wait()
}

func (r *run) connect(ctx context.Context, w *wave, h *hostRun) bool {
	r.engine.emit(HostStarted{Host: h.host.Name, Endpoint: h.host.Endpoint(), Wave: w.index})
	conn, err := r.engine.dial(ctx, h.host)
	if err != nil {
		r.finish(ctx, w, h, HostUnreachable, err)
		return false
	}
	h.conn = conn
	return true
}

func (e *Engine) dial(ctx context.Context, h *inventory.Host) (transport.Conn, error) {
	return e.Dialer.Dial(ctx, transport.Target{
		Name: h.Name, Address: h.Address, Port: h.Port, User: h.User, IdentityFile: h.IdentityFile,
	})
}

// runPhase runs a phase's steps on one host and says whether the host
// may go on.
func (r *run) runPhase(ctx context.Context, w *wave, h *hostRun, ph *playbooks.Phase) bool {
	for _, step := range ph.Steps {
		if r.halted() {
			r.finish(ctx, w, h, HostHalted, nil)
			return false
		}
		if ctx.Err() != nil {
			r.halt(w.index, "interrupted")
			r.finish(ctx, w, h, HostHalted, nil)
			return false
		}
		status, err := r.step(ctx, h, ph, step)
		h.left--
		switch status {
		case StatusOK:
			h.rec.OK++
		case StatusChanged:
			h.rec.Changed++
		case StatusFailed:
			h.rec.Failed++
		}
		if err != nil {
			switch {
			case ctx.Err() != nil:
				// Cancelled by the operator: the host did not fail, it was
				// stopped, and it does not count toward any threshold.
				r.halt(w.index, "interrupted by the operator")
				r.finish(ctx, w, h, HostHalted, fmt.Errorf("cancelled by the operator during %q: %w", step.Name, err))
			case transport.IsUnreachable(err):
				r.finish(ctx, w, h, HostUnreachable, err)
			default:
				r.finish(ctx, w, h, HostFailed, err)
			}
			return false
		}
	}
	return true
}

func (r *run) finish(ctx context.Context, w *wave, h *hostRun, status HostStatus, err error) {
	h.done = true
	h.rec.Status, h.rec.Err = status, err
	r.engine.emit(HostFinished{Host: h.host.Name, Status: status, Err: err, StepsLeft: h.left})
	r.account(w, status)
	if status == HostFailed && r.route.Rollback == rollout.RollbackHost {
		r.restore(ctx, h)
	}
}

// step checks a step and, unless in check mode, applies its plan; before
// a host's first change it takes the host's snapshot.
func (r *run) step(ctx context.Context, h *hostRun, phase *playbooks.Phase, step *playbooks.Step) (Status, error) {
	e := r.engine
	start := time.Now()
	e.emit(StepStarted{Host: h.host.Name, Phase: phase.Name, Step: step.Name, Type: step.Type, At: start})
	status, diff, err := r.checkApply(ctx, h, step, phase != r.gate)
	if phase == r.gate && status == StatusChanged {
		status, diff = StatusOK, "" // a gate check that ran and passed changed nothing
	}
	e.emit(StepFinished{Host: h.host.Name, Phase: phase.Name, Step: step.Name, Type: step.Type,
		Status: status, Diff: diff, Err: err, At: time.Now(), Duration: time.Since(start)})
	return status, err
}

// checkApply checks a step and applies its plan; snapshot says whether
// a change must be preceded by the host's snapshot (not so for gate
// checks, which only look).
func (r *run) checkApply(ctx context.Context, h *hostRun, step *playbooks.Step, snapshot bool) (Status, string, error) {
	e := r.engine
	plan, err := e.withTimeout(ctx, func(ctx context.Context) (modules.Plan, error) {
		return step.Module.Check(ctx, h.conn)
	})
	if err != nil {
		return StatusFailed, "", err
	}
	if !plan.Change {
		return StatusOK, "", nil
	}
	if e.CheckMode {
		return StatusChanged, plan.Diff, nil
	}
	if snapshot && e.Snapshots != nil && h.snap == nil {
		snap, err := e.Snapshots.Take(ctx, h.conn, e.RunID)
		if err != nil {
			return StatusFailed, plan.Diff, fmt.Errorf("no change was made because the snapshot before it failed: %w", err)
		}
		h.snap, h.rec.Snapshot = snap, snap
		e.emit(SnapshotTaken{Host: h.host.Name, Snapshot: *snap})
	}
	_, err = e.withTimeout(ctx, func(ctx context.Context) (modules.Plan, error) {
		return plan, step.Module.Apply(ctx, h.conn, plan)
	})
	if err != nil {
		return StatusFailed, plan.Diff, err
	}
	return StatusChanged, plan.Diff, nil
}

func (e *Engine) withTimeout(ctx context.Context, f func(context.Context) (modules.Plan, error)) (modules.Plan, error) {
	if e.CommandTimeout <= 0 {
		return f(ctx)
	}
	ctx, cancel := context.WithTimeout(ctx, e.CommandTimeout)
	defer cancel()
	p, err := f(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return p, &timeoutError{after: e.CommandTimeout}
	}
	return p, err
}

type timeoutError struct{ after time.Duration }

func (t *timeoutError) Error() string {
	return "timed out after " + t.after.String() + " (raise --command-timeout if the step needs longer)"
}

func (e *Engine) emit(ev Event) {
	if e.Observer != nil {
		e.Observer.Event(ev)
	}
}
