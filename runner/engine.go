// Package runner is switchback's engine: it takes a decoded playbook and
// a list of hosts and converges them, reporting every step as an event.
package runner

import (
	"context"
	"errors"
	"time"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/transport"
)

// Engine runs playbooks. It holds no state between runs.
type Engine struct {
	Dialer   transport.Dialer
	Observer Observer
	// CheckMode plans every step without applying any.
	CheckMode bool
	// CommandTimeout bounds each command sent to a host (0: no bound).
	CommandTimeout time.Duration
}

// Run converges hosts one after another (serially), each through every
// phase and step in order. A failing step fails its host and the run moves
// on to the next host.
func (e *Engine) Run(ctx context.Context, pb *playbooks.Playbook, hosts []*inventory.Host) *Recap {
	names := make([]string, len(hosts))
	for i, h := range hosts {
		names[i] = h.Name
	}
	e.emit(RunStarted{Playbook: pb.Name, Hosts: names, Steps: pb.StepCount(), CheckMode: e.CheckMode})
	recap := &Recap{}
	for _, h := range hosts {
		if ctx.Err() != nil {
			break
		}
		recap.Hosts = append(recap.Hosts, e.runHost(ctx, pb, h))
	}
	e.emit(RunFinished{Recap: recap})
	return recap
}

func (e *Engine) runHost(ctx context.Context, pb *playbooks.Playbook, h *inventory.Host) *HostRecap {
	rec := &HostRecap{Host: h.Name, Status: HostOK}
	e.emit(HostStarted{Host: h.Name, Endpoint: h.Endpoint()})
	left := pb.StepCount()
	finish := func(status HostStatus, err error) *HostRecap {
		rec.Status, rec.Err = status, err
		e.emit(HostFinished{Host: h.Name, Status: status, Err: err, StepsLeft: left})
		return rec
	}

	conn, err := e.Dialer.Dial(ctx, transport.Target{
		Name: h.Name, Address: h.Address, Port: h.Port, User: h.User, IdentityFile: h.IdentityFile,
	})
	if err != nil {
		return finish(HostUnreachable, err)
	}
	defer conn.Close()

	for _, phase := range pb.Phases {
		for _, step := range phase.Steps {
			status, diff, err := e.runStep(ctx, conn, h.Name, phase, step)
			left--
			switch status {
			case StatusOK:
				rec.OK++
			case StatusChanged:
				rec.Changed++
			case StatusFailed:
				rec.Failed++
			}
			e.emit(StepFinished{Host: h.Name, Phase: phase.Name, Step: step.Name, Type: step.Type,
				Status: status, Diff: diff, Err: err})
			if err != nil {
				if transport.IsUnreachable(err) {
					return finish(HostUnreachable, err)
				}
				return finish(HostFailed, err)
			}
		}
	}
	return finish(HostOK, nil)
}

// runStep checks a step and, unless in check mode, applies its plan.
func (e *Engine) runStep(ctx context.Context, h modules.Host, host string, phase *playbooks.Phase, step *playbooks.Step) (Status, string, error) {
	e.emit(StepStarted{Host: host, Phase: phase.Name, Step: step.Name, Type: step.Type})
	plan, err := e.withTimeout(ctx, func(ctx context.Context) (modules.Plan, error) {
		return step.Module.Check(ctx, h)
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
	_, err = e.withTimeout(ctx, func(ctx context.Context) (modules.Plan, error) {
		return plan, step.Module.Apply(ctx, h, plan)
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
