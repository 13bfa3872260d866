package runner

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/transport"
)

// hostScope is what a host's steps see of it: inventory values, facts and
// the results registered so far. Only the host's own goroutine touches it.
func (h *hostRun) hostScope() *playbooks.Scope {
	if h.scope == nil {
		h.scope = &playbooks.Scope{
			Name: h.host.Name, Address: h.host.Address, Groups: h.host.Groups, Vars: h.host.Vars,
			Registered: map[string]cty.Value{},
		}
	}
	return h.scope
}

// runStep runs one step of a phase on a host: it decodes the step for
// the host (when, for_each, host values), then checks and applies each
// instance. It returns the first error that stops the host.
func (r *run) runStep(ctx context.Context, h *hostRun, ph *playbooks.Phase, st *playbooks.Step, gate bool) error {
	defer h.pipe.done(st)
	insts, diags := r.playbook.Instances(st, h.hostScope())
	if diags.HasErrors() {
		err := &decodeError{diags: diags}
		r.engine.emit(StepFinished{Host: h.host.Name, Phase: ph.Name, Step: st.Name, Type: st.Type,
			Status: StatusFailed, Err: err, At: time.Now()})
		h.rec.Failed++
		return err
	}
	for _, inst := range insts {
		if inst.Skip != "" {
			r.engine.emit(StepFinished{Host: h.host.Name, Phase: ph.Name, Step: inst.Name, Type: st.Type,
				Status: StatusSkipped, Reason: inst.Skip, At: time.Now()})
			h.rec.Skipped++
			h.register(st, playbooks.Result{Skipped: true})
			continue
		}
		status, err := r.step(ctx, h, ph, st, inst, gate)
		switch status {
		case StatusOK:
			h.rec.OK++
		case StatusChanged:
			h.rec.Changed++
			h.notify(st.Meta.Notify)
		case StatusFailed:
			if ignored(ctx, st, err) {
				h.rec.Ignored++
				continue
			}
			if !transport.IsUnreachable(err) {
				h.rec.Failed++ // a lost host is counted unreachable, once
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// step checks one instance of a step and, unless in check mode, applies
// its plan, trying again as the step's retries say. Before a host's first
// change it takes the host's snapshot.
func (r *run) step(ctx context.Context, h *hostRun, phase *playbooks.Phase, st *playbooks.Step, inst playbooks.Instance, gate bool) (Status, error) {
	e := r.engine
	start := time.Now()
	e.emit(StepStarted{Host: h.host.Name, Phase: phase.Name, Step: inst.Name, Type: st.Type, At: start})
	timeout := e.CommandTimeout
	if st.Meta.Timeout > 0 {
		timeout = st.Meta.Timeout
	}
	c := h.pipe.call(phase, st, inst.Module, h.hostFor(st), journalKey(phase.Name, inst.Name), gate, timeout)
	var status Status
	var diff string
	var err error
	attempts := 0
	var reason string
	for {
		attempts++
		status, diff, reason, err = r.checkApply(ctx, h, c)
		if err == nil || attempts > st.Meta.Retries || transport.IsUnreachable(err) || ctx.Err() != nil || r.halted() {
			break
		}
		if !sleep(ctx, st.Meta.Delay) {
			break
		}
	}
	if gate && status == StatusChanged {
		status, diff = StatusOK, "" // a gate check that ran and passed changed nothing
	}
	out := c.output()
	h.register(st, playbooks.Result{Stdout: out.Stdout, Stderr: out.Stderr, ExitCode: out.ExitCode,
		Changed: status == StatusChanged, Failed: status == StatusFailed})
	e.emit(StepFinished{Host: h.host.Name, Phase: phase.Name, Step: inst.Name, Type: st.Type,
		Status: status, Diff: e.mask.diff(diff, st.Sensitive), Err: err, Reason: reason, Ignored: ignored(ctx, st, err),
		Attempts: attempts, At: time.Now(), Duration: time.Since(start)})
	return status, err
}

// ignored says a step's failure does not stop its host: ignore_errors
// forgives a failed step, never a lost host or the operator's stop.
func ignored(ctx context.Context, st *playbooks.Step, err error) bool {
	return err != nil && st.Meta.IgnoreErrors && !transport.IsUnreachable(err) && ctx.Err() == nil
}

// checkApply checks a step through the host's pipeline and applies its
// plan; a gate's check only looks, so it takes no snapshot.
func (r *run) checkApply(ctx context.Context, h *hostRun, c *call) (status Status, diff, reason string, err error) {
	e := r.engine
	plan, err := withTimeout(ctx, c.timeout, func(ctx context.Context) (modules.Plan, error) {
		return h.pipe.check(ctx, c)
	})
	if err != nil {
		return StatusFailed, "", "", err
	}
	if !plan.Change {
		return StatusOK, "", "", nil
	}
	if e.CheckMode {
		return StatusChanged, plan.Diff, "", nil
	}
	if h.pipe.appliedBefore(c) {
		if rep, ok := c.module.(modules.Repeater); ok && rep.RepeatsOnApply() {
			// Applied before the run was resumed; its check cannot see
			// that, and applying it again would repeat its effect.
			return StatusOK, "", "applied before the run was resumed", nil
		}
	}
	if w, ok := h.conn.(transport.Warmer); ok {
		w.Warm() // changes come as commands: have the next session ready
	}
	if !c.gate && e.Snapshots != nil && h.snap == nil {
		snap, err := e.Snapshots.Take(ctx, h.snapshotTarget(), e.RunID)
		if err != nil {
			return StatusFailed, plan.Diff, "", fmt.Errorf("no change was made because the snapshot before it failed: %w", err)
		}
		h.snap, h.rec.Snapshot = snap, snap
		e.emit(SnapshotTaken{Host: h.host.Name, Snapshot: *snap})
	}
	err = h.pipe.apply(ctx, c, plan)
	if errors.Is(err, modules.ErrUnchanged) {
		return StatusOK, "", "", nil // the step ran and judged that nothing changed
	}
	if err != nil {
		return StatusFailed, plan.Diff, "", err
	}
	return StatusChanged, plan.Diff, "", nil
}

func withTimeout(ctx context.Context, timeout time.Duration, f func(context.Context) (modules.Plan, error)) (modules.Plan, error) {
	if timeout <= 0 {
		return f(ctx)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	p, err := f(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return p, &timeoutError{after: timeout}
	}
	return p, err
}

type timeoutError struct{ after time.Duration }

func (t *timeoutError) Error() string {
	return "timed out after " + t.after.String() + " (raise the step's timeout, or --command-timeout, if it needs longer)"
}

// sleep waits d, and says false when the run is cancelled first.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

func (h *hostRun) register(st *playbooks.Step, res playbooks.Result) {
	if st.Meta.Register != "" {
		h.hostScope().Registered[st.Meta.Register] = res.Value()
	}
}

// notify queues handlers, each once, in the order they are first notified.
func (h *hostRun) notify(names []string) {
	for _, n := range names {
		if !slices.Contains(h.notified, n) {
			h.notified = append(h.notified, n)
		}
	}
}

// runHandlers runs the handlers notified so far on a host, in the order
// the playbook declares them, and forgets them. It says whether the host
// may go on.
func (r *run) runHandlers(ctx context.Context, w *wave, h *hostRun) bool {
	if len(h.notified) == 0 {
		return true
	}
	notified := h.notified
	h.notified = nil
	for _, hd := range r.playbook.Handlers {
		if !slices.Contains(notified, hd.Name) {
			continue
		}
		ph := &playbooks.Phase{Name: "handler " + hd.Name, Steps: hd.Steps}
		if !r.runPhase(ctx, w, h, ph) {
			return false
		}
	}
	return true
}

// decodeError is a step that could not be decoded for a host: a for_each
// or when that does not hold on it, a host variable of the wrong type.
type decodeError struct{ diags hcl.Diagnostics }

func (d *decodeError) Error() string {
	var parts []string
	for _, dg := range d.diags.Errs() {
		parts = append(parts, dg.Error())
	}
	return "the step does not fit this host: " + strings.Join(parts, "; ")
}
