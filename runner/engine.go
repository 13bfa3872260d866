// Package runner is switchback's engine: it takes a decoded playbook, the
// hosts in scope and a route map, and converges the hosts wave by wave,
// halting when failures cross a threshold. Everything it does is reported
// as events.
package runner

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/switchbackhq/switchback/inventory"
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
	// LockWait is how long to wait for another run to release a host
	// (at least a few seconds), before failing it with a message naming
	// the other run. See hostlock.go.
	LockWait time.Duration
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
	// route pauses for confirmation. Without it (no one to ask) the run
	// halts there, to be continued with a resume.
	Confirm func(ctx context.Context, next WaveStarted) (bool, error)
	// Secrets are values never to be shown: they are masked in every
	// event, and so in every report and the state store.
	Secrets []string
	// Resume, when set, continues the recorded run RunID: hosts that
	// finished are not run again and the interrupted wave continues.
	Resume *Resume
	// Group, when set, makes this run one shard of a run that several
	// controllers share (group.go): the segments hold every host of the
	// fleet, and this engine drives the hosts DealShards gives its shard.
	Group Group
	// RollbackAll is a rollback drill: when the run ends, every host it
	// snapshotted is rolled back (its on_rollback steps, then its
	// snapshot), newest wave first.
	RollbackAll bool

	mask *masker
}

// Resume is what a recorded run says about its hosts.
type Resume struct {
	// Done lists the hosts that converged.
	Done map[string]bool
	// Counts are the step counts recorded for the hosts that converged,
	// so that the recap shows what the run did to them.
	Counts map[string]StepCounts
	// Snapshots are those taken before the hosts' first change; a resumed
	// host keeps its snapshot, so a rollback still goes back to before
	// the run.
	Snapshots map[string]*snapshot.Snapshot
}

// StepCounts are a host's steps by outcome.
type StepCounts struct{ OK, Changed, Failed int }

// Segment is a set of hosts that follow one route map: the whole run,
// or one rollout of a hybrid rollout.
type Segment struct {
	Name  string // "" for the playbook's default route
	Hosts []*inventory.Host
	Route rollout.Route
	Gate  *playbooks.Gate
}

// Run converges hosts along one route, with the playbook's gate.
func (e *Engine) Run(ctx context.Context, pb *playbooks.Playbook, hosts []*inventory.Host, route rollout.Route) *Recap {
	return e.RunSegments(ctx, pb, []Segment{{Hosts: hosts, Route: route, Gate: pb.Gate}})
}

// RunSegments converges each segment in turn along its route: wave after
// wave, up to route.Forks hosts at a time inside a wave, each host
// through its phases in order (or, with order "phase", each phase across
// the wave's hosts before the next). A failed step fails its host; when a
// wave's or a segment's failures cross their threshold the run halts: no
// new host starts, hosts in flight stop after their current step, no
// later wave or segment starts.
func (e *Engine) RunSegments(ctx context.Context, pb *playbooks.Playbook, segments []Segment) *Recap {
	if len(e.Secrets) > 0 {
		e.mask = newMasker(e.Secrets)
	}
	r := &run{engine: e, playbook: pb, finished: map[string]chan struct{}{}, outcome: map[string]HostStatus{}}
	recap := &Recap{}
	var names []string
	var sizes []int
	var infos []SegmentInfo
	var shard *ShardInfo
	if e.Group != nil {
		index, of := e.Group.Shard()
		r.owner, r.shard = DealShards(segments, of), index
		shard = &ShardInfo{Index: index, Of: of}
	}
	for _, sg := range segments {
		seg := &segment{name: sg.Name, route: sg.Route.Resolve(), total: len(sg.Hosts), fleet: hostNames(sg.Hosts)}
		if e.Snapshots == nil {
			seg.route.Rollback = rollout.NoRollback // nothing to restore from
		}
		if sg.Gate != nil && !e.CheckMode {
			seg.gate = &playbooks.Phase{Name: "gate", Steps: sg.Gate.Steps}
			seg.soakTime = sg.Gate.Soak
		}
		seg.sizes = seg.route.WaveSizes(len(sg.Hosts))
		for _, h := range sg.Hosts {
			rec := &HostRecap{Host: h.Name, Status: HostNotStarted}
			seg.recs = append(seg.recs, rec)
			if !r.mine(h.Name) {
				continue // another shard's
			}
			if shard != nil {
				shard.Hosts++
			}
			r.finished[h.Name] = make(chan struct{})
			names = append(names, h.Name)
			recap.Hosts = append(recap.Hosts, rec)
		}
		seg.hosts = sg.Hosts
		sizes = append(sizes, seg.sizes...)
		infos = append(infos, SegmentInfo{Name: sg.Name, Hosts: len(sg.Hosts), Route: seg.route, Waves: seg.sizes})
		r.segments = append(r.segments, seg)
	}
	var phases []string
	for _, ph := range r.allPhases() {
		phases = append(phases, ph.Name)
	}
	first := rollout.Route{}.Resolve()
	if len(r.segments) > 0 {
		first = r.segments[0].route
	}
	e.emit(RunStarted{Playbook: pb.Name, Hosts: names, Phases: phases, Steps: r.maxSteps(), CheckMode: e.CheckMode,
		Route: first, Waves: sizes, Segments: infos, Shard: shard})

	runDone := make(chan struct{})
	defer close(runDone)
	r.watchDrain(runDone)
	r.watchGroup(ctx, runDone)
	resumed := false // the first wave with work has started
	stopped := -1    // a segment whose later waves do not start: the run halted
	for pw := range Waves(segments) {
		if pw.Segment == stopped {
			continue
		}
		seg := r.segments[pw.Segment]
		i, n, offset := pw.InSegment, len(pw.Hosts), pw.First
		w := &wave{index: pw.Index, size: n, seg: seg, fleet: seg.fleet[offset : offset+n]}
		todo := 0
		var mine []*inventory.Host
		for j := offset; j < offset+n; j++ {
			seg.recs[j].Wave = w.index
			if !r.mine(seg.hosts[j].Name) {
				continue
			}
			mine = append(mine, seg.hosts[j])
			h := &hostRun{host: seg.hosts[j], rec: seg.recs[j], left: seg.steps(pb), pipe: newPipeline(journalPath(e.RunID), e.CommandTimeout)}
			if e.Resume != nil && e.Resume.Done[h.host.Name] {
				h.done, h.rec.Status, h.rec.Resumed = true, HostOK, true
				c := e.Resume.Counts[h.host.Name]
				h.rec.OK, h.rec.Changed, h.rec.Failed = c.OK, c.Changed, c.Failed
				r.mu.Lock()
				r.outcome[h.host.Name] = HostOK
				r.mu.Unlock()
				close(r.finished[h.host.Name])
			} else {
				todo++
			}
			if e.Resume != nil {
				h.snap = e.Resume.Snapshots[h.host.Name]
				h.rec.Snapshot = h.snap
			}
			w.hosts = append(w.hosts, h)
		}
		started := WaveStarted{Index: w.index, Of: len(sizes), Rollout: seg.name, Hosts: hostNames(mine),
			Tolerance: seg.route.MaxFail.Tolerance(n)}
		if e.Group != nil {
			started.Fleet = n
		}
		if todo == 0 && e.Group == nil {
			continue // a resumed run's finished wave
		}
		if todo == 0 {
			// Nothing of this shard's to do in the wave (the canary is
			// another shard's, or a resumed shard finished it): it
			// still waits for the others before going on.
			if r.halted() {
				stopped = pw.Segment
				continue
			}
			r.playWave(ctx, w, started, false)
			continue
		}
		if i > 0 && !(e.Resume != nil && !resumed) {
			// A resume is the operator's go-ahead for the wave it
			// continues; pauses before later waves apply as usual.
			r.pause(ctx, seg, started)
		}
		resumed = true
		if r.halted() {
			stopped = pw.Segment
			continue
		}
		if ctx.Err() != nil {
			r.halt(w.index, "interrupted before wave "+fmt.Sprint(w.index)+" started")
			stopped = pw.Segment
			continue
		}
		r.playWave(ctx, w, started, true)
	}
	if e.RollbackAll && !e.CheckMode && e.Snapshots != nil {
		r.rollbackAll(ctx)
	}
	r.mu.Lock()
	r.over = true // another shard's halt arriving now is too late to stop anything
	r.mu.Unlock()
	recap.Halt = r.halt(0, "")
	if e.Group != nil {
		recap.Shard = shard
		tally, err := e.Group.Tally(context.WithoutCancel(ctx))
		if err == nil {
			recap.Fleet = tally
		}
	}
	e.emit(RunFinished{Recap: recap})
	return recap
}

// playWave starts a wave, runs this controller's hosts of it (unless it
// has none to run), then waits for the other shards and rolls back what
// a halt asks for.
func (r *run) playWave(ctx context.Context, w *wave, started WaveStarted, hostsToRun bool) {
	r.engine.emit(started)
	r.mu.Lock()
	r.waves = append(r.waves, w)
	r.mu.Unlock()
	if hostsToRun {
		r.runWave(ctx, w)
	}
	r.engine.emit(w.finished())
	r.waveDone(ctx, w)
	r.rollbackAfterHalt(ctx)
	if hostsToRun {
		w.closeAll()
	}
}

func hostNames(hosts []*inventory.Host) []string {
	names := make([]string, len(hosts))
	for i, h := range hosts {
		names[i] = h.Name
	}
	return names
}

// run is the state shared by every host of one run.
type run struct {
	engine   *Engine
	playbook *playbooks.Playbook
	segments []*segment

	// finished is closed for each host when it is done, so that hosts
	// that depend on it can start; outcome says how it ended.
	finished map[string]chan struct{}
	outcome  map[string]HostStatus

	// owner gives each host of the fleet its shard, when the run is one
	// shard of a group (Engine.Group); shard is this controller's.
	owner map[string]int
	shard int
	// over is set once the run has nothing left to stop.
	over bool

	mu      sync.Mutex
	stopped *Halted
	// byThreshold is set when the halt came from a threshold, not from the
	// operator: only then do wave and run rollbacks happen.
	byThreshold bool
	waves       []*wave
	rolledBack  bool // rollbackAfterHalt ran
	// recorded, set when the run is a later rollback of an ended run
	// (Engine.Rollback), rebuilds each host's snapshot provider from its
	// record.
	recorded snapshot.Types
}

// segment is the run's state for one route map.
type segment struct {
	name  string
	route rollout.Route
	hosts []*inventory.Host
	recs  []*HostRecap
	sizes []int
	total int
	// fleet names every host of the segment, this shard's or not.
	fleet []string
	// gate is the segment's gate as a last phase; nil without one, and in
	// check mode, where nothing converged that could be checked.
	gate     *playbooks.Phase
	soakTime time.Duration
	failed   int // guarded by run.mu
}

// phases lists what a host of the segment goes through, the gate last.
func (s *segment) phases(pb *playbooks.Playbook) []*playbooks.Phase {
	if s.gate == nil {
		return pb.Phases
	}
	return append(slices.Clone(pb.Phases), s.gate)
}

func (s *segment) steps(pb *playbooks.Playbook) int {
	n := pb.StepCount()
	if s.gate != nil {
		n += len(s.gate.Steps)
	}
	return n
}

// allPhases lists the phases of the run for reports, with "gate" last
// when any segment has one.
func (r *run) allPhases() []*playbooks.Phase {
	for _, s := range r.segments {
		if s.gate != nil {
			return s.phases(r.playbook)
		}
	}
	return r.playbook.Phases
}

func (r *run) maxSteps() int {
	n := r.playbook.StepCount()
	for _, s := range r.segments {
		n = max(n, s.steps(r.playbook))
	}
	return n
}

// soak waits the gate's soak time; it ends early when the context does.
func (r *run) soak(ctx context.Context, s *segment) {
	if s.gate == nil || s.soakTime <= 0 {
		return
	}
	t := time.NewTimer(s.soakTime)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// pause waits between waves as the route says: a fixed time (cut short
// by an interrupt), or the operator's answer.
func (r *run) pause(ctx context.Context, s *segment, next WaveStarted) {
	p := s.route.Pause
	if r.halted() || (p.Wait == 0 && !p.Confirm) {
		return
	}
	r.engine.emit(Paused{Before: next.Index, Wait: p.Wait, Confirm: p.Confirm})
	if p.Confirm && r.engine.Confirm == nil {
		r.halt(next.Index-1, fmt.Sprintf("waiting for confirmation to start wave %d; continue with 'switchback run --resume %s'", next.Index, r.engine.RunID))
		return
	}
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
	seg         *segment
	hosts       []*hostRun // this controller's
	fleet       []string   // every host of the wave, this shard's or not
	failed      int        // guarded by run.mu
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

// closeAll releases the wave's hosts and closes their connections, all
// at once: each release waits a round trip for the host to confirm it.
func (w *wave) closeAll() {
	var wg sync.WaitGroup
	for _, h := range w.hosts {
		wg.Go(func() {
			if h.unlock != nil {
				h.unlock() // at once, not when sshd notices the connection is gone
				h.unlock = nil
			}
			if h.conn != nil {
				h.conn.Close()
				h.conn = nil
			}
		})
	}
	wg.Wait()
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
	// scope holds the host's values, facts and registered results;
	// notified lists the handlers to run. Only the host's goroutine
	// touches them.
	scope    *playbooks.Scope
	notified []string
	// pipe turns the host's steps into round trips (pipeline.go).
	pipe *pipeline
	// unlock releases the host's lock (hostlock.go); nil when not held.
	unlock func()
	// entered lists the playbook's phases the host started, in order:
	// their on_rollback steps run when it is rolled back.
	entered []*playbooks.Phase
}

// halt records the first reason to stop; later calls keep it. With an
// empty reason it only reports the current state.
func (r *run) halt(waveIndex int, reason string) *Halted {
	r.mu.Lock()
	if r.stopped == nil && reason != "" {
		r.stopped = &Halted{Wave: waveIndex, Reason: r.engine.mask.text(reason)}
		r.engine.emit(*r.stopped)
		h, byThreshold := *r.stopped, r.byThreshold
		r.mu.Unlock()
		r.publishHalt(h, byThreshold)
		return &h
	}
	defer r.mu.Unlock()
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
func (r *run) account(w *wave, host string, status HostStatus) {
	if !status.countsAsFailure() {
		return
	}
	s := w.seg
	r.mu.Lock()
	w.failed++
	s.failed++
	waveFailed, totalFailed := w.failed, s.failed
	r.mu.Unlock()
	if r.engine.Group != nil {
		var ok bool
		if waveFailed, totalFailed, ok = r.fleetFailures(w, host, status); !ok {
			return
		}
	}
	scope := "the run"
	if s.name != "" {
		scope = "rollout " + strconv.Quote(s.name)
	}
	switch {
	case s.route.MaxFail.Exceeded(waveFailed, w.size):
		r.haltByThreshold(w.index, fmt.Sprintf("%d of %d host(s) in wave %d failed or were unreachable, more than max_fail %s tolerates (%d)",
			waveFailed, w.size, w.index, s.route.MaxFail, s.route.MaxFail.Tolerance(w.size)))
	case s.route.MaxFailTotal.Exceeded(totalFailed, s.total):
		r.haltByThreshold(w.index, fmt.Sprintf("%d of %d host(s) in %s failed or were unreachable, more than max_fail_total %s tolerates (%d)",
			totalFailed, s.total, scope, s.route.MaxFailTotal, s.route.MaxFailTotal.Tolerance(s.total)))
	}
}

func (r *run) runWave(ctx context.Context, w *wave) {
	if w.seg.route.Order == rollout.ByPhase {
		r.runWaveByPhase(ctx, w)
		return
	}
	var todo []*hostRun
	for _, h := range w.hosts {
		if !h.done {
			todo = append(todo, h)
		}
	}
	r.each(ctx, w, todo, func(h *hostRun) {
		if !r.dependenciesMet(ctx, w, h) || !r.connect(ctx, w, h) {
			return
		}
		for _, ph := range r.playbook.Phases {
			if !r.runPhase(ctx, w, h, ph) {
				return
			}
		}
		if !r.runHandlers(ctx, w, h) {
			return
		}
		if w.seg.gate != nil {
			r.soak(ctx, w.seg)
			if !r.runPhase(ctx, w, h, w.seg.gate) {
				return
			}
		}
		r.finish(ctx, w, h, HostOK, nil)
	})
}

// runWaveByPhase sweeps each phase across the wave's hosts, with a
// barrier between phases; a host that failed drops out of later phases.
func (r *run) runWaveByPhase(ctx context.Context, w *wave) {
	for _, ph := range w.seg.phases(r.playbook) {
		var alive []*hostRun
		for _, h := range w.hosts {
			if !h.done {
				alive = append(alive, h)
			}
		}
		if ph == w.seg.gate && len(alive) > 0 {
			r.soak(ctx, w.seg) // once for the wave: its hosts converged together
		}
		last := ph == r.playbook.Phases[len(r.playbook.Phases)-1]
		r.each(ctx, w, alive, func(h *hostRun) {
			if h.conn == nil && (!r.dependenciesMet(ctx, w, h) || !r.connect(ctx, w, h)) {
				return
			}
			if r.runPhase(ctx, w, h, ph) && last {
				r.runHandlers(ctx, w, h)
			}
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
func (r *run) each(ctx context.Context, w *wave, hosts []*hostRun, f func(*hostRun)) {
	r.parallel(w.seg.route.Forks, hosts, func() bool { return r.halted() || ctx.Err() != nil }, f)
}

// parallel runs f for hosts, at most route.Forks at a time, until stop
// says no more may start.
func (r *run) parallel(forks int, hosts []*hostRun, stop func() bool, f func(*hostRun)) {
	slots := make(chan struct{}, forks)
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
	if err := r.prepare(ctx, h); err != nil {
		r.finish(ctx, w, h, failureStatus(ctx, err), err)
		return false
	}
	return true
}

// prepare readies a connected host for its steps: the lock, the facts,
// the journal of a resumed run and the batched checks.
func (r *run) prepare(ctx context.Context, h *hostRun) error {
	if err := r.lockHost(ctx, h); err != nil {
		return err
	}
	root := h.hostFor(nil) // as the host says: the login user, or root by become
	if r.playbook.UsesFacts() {
		facts, err := GatherFacts(ctx, root)
		if err != nil {
			return err
		}
		h.hostScope().Facts = facts
	}
	var steps []*playbooks.Step
	for _, ph := range r.playbook.Phases {
		for _, st := range ph.Steps {
			if st.Meta.Become == nil || *st.Meta.Become == h.host.Become {
				steps = append(steps, st) // checked as the batch runs
			}
		}
	}
	return h.pipe.prepare(ctx, root, steps, r.engine.Resume != nil && !r.engine.CheckMode)
}

// failureStatus is how a host that could not go on ended: stopped by the
// operator, lost, or failed.
func failureStatus(ctx context.Context, err error) HostStatus {
	switch {
	case ctx.Err() != nil:
		return HostHalted
	case transport.IsUnreachable(err):
		return HostUnreachable
	}
	return HostFailed
}

func (e *Engine) dial(ctx context.Context, h *inventory.Host) (transport.Conn, error) {
	return e.Dialer.Dial(ctx, TargetFor(h))
}

// runPhase runs a phase's steps on one host and says whether the host
// may go on. A phase that flushes handlers runs those notified so far.
func (r *run) runPhase(ctx context.Context, w *wave, h *hostRun, ph *playbooks.Phase) bool {
	if ph != w.seg.gate {
		h.entered = append(h.entered, ph)
		r.engine.emit(PhaseEntered{Host: h.host.Name, Phase: ph.Name, OnRollback: len(ph.OnRollback)})
	}
	for _, step := range ph.Steps {
		// A halt stops the host between steps, but not before the steps
		// whose changes already ran behind an earlier one are reported.
		if r.halted() && !h.pipe.inFlight() {
			r.finish(ctx, w, h, HostHalted, nil)
			return false
		}
		if ctx.Err() != nil {
			r.halt(w.index, "interrupted")
			r.finish(ctx, w, h, HostHalted, nil)
			return false
		}
		err := r.runStep(ctx, h, ph, step, ph == w.seg.gate)
		h.left--
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
	if ph.FlushHandlers {
		return r.runHandlers(ctx, w, h)
	}
	return true
}

func (r *run) finish(ctx context.Context, w *wave, h *hostRun, status HostStatus, err error) {
	err = r.engine.mask.err(err)
	h.done = true
	h.rec.Status, h.rec.Err = status, err
	r.mu.Lock()
	r.outcome[h.host.Name] = status
	r.mu.Unlock()
	defer close(r.finished[h.host.Name])
	r.engine.emit(HostFinished{Host: h.host.Name, Status: status, Err: err, StepsLeft: h.left})
	r.account(w, h.host.Name, status)
	if status == HostFailed && w.seg.route.Rollback == rollout.RollbackHost {
		r.restore(ctx, h)
	}
}

func (e *Engine) emit(ev Event) {
	if e.Observer != nil {
		e.Observer.Event(capEvent(e.mask.event(ev)))
	}
}

// dependenciesMet waits for the hosts h depends on and says whether h may
// start: only when all of them converged. A host whose dependency failed
// is not started, and that is not counted as a failure of its own.
func (r *run) dependenciesMet(ctx context.Context, w *wave, h *hostRun) bool {
	for _, dep := range h.host.DependsOn {
		var status HostStatus
		done, ok := r.finished[dep]
		switch {
		case ok:
			select {
			case <-done:
			case <-ctx.Done():
				return false
			}
			r.mu.Lock()
			status = r.outcome[dep]
			r.mu.Unlock()
		case r.owner[dep] != 0:
			var err error
			if status, err = r.engine.Group.Outcome(ctx, dep); err != nil {
				r.engine.emit(HostStarted{Host: h.host.Name, Endpoint: h.host.Endpoint(), Wave: w.index})
				r.finish(ctx, w, h, HostNotStarted, fmt.Errorf("it depends on %s, another shard's host, whose outcome could not be read: %w", dep, err))
				return false
			}
		default:
			continue // outside this run: the caller checked that this is allowed
		}
		if status != HostOK {
			r.engine.emit(HostStarted{Host: h.host.Name, Endpoint: h.host.Endpoint(), Wave: w.index})
			r.finish(ctx, w, h, HostNotStarted, fmt.Errorf("it depends on %s, which ended %s", dep, status))
			return false
		}
	}
	return true
}
