package runner

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/transport"
)

// These tests cover the engine's bookkeeping with stand-in hosts. What
// happens on real hosts is proven by the fleet tests in cmd/switchback.

type fakeStep struct {
	change   bool
	failOn   string // host name on which Apply fails
	applied  *appliedList
	lostConn string // host name on which Check loses the connection
}

// appliedList records where Apply ran; hosts run concurrently.
type appliedList struct {
	mu    sync.Mutex
	hosts []string
}

func (a *appliedList) add(h string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.hosts = append(a.hosts, h)
}

func (a *appliedList) list() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Clone(a.hosts)
}

func (f *fakeStep) Summary() string { return "fake" }

func (f *fakeStep) Check(_ context.Context, h hostcmd.Host) (modules.Plan, error) {
	name := fakeName(h)
	if name == f.lostConn {
		return modules.Plan{}, &transport.UnreachableError{Host: name, Err: errors.New("connection lost")}
	}
	if f.change {
		return modules.Change("+ x\n", nil), nil
	}
	return modules.NoChange("fine"), nil
}

func (f *fakeStep) Apply(_ context.Context, h hostcmd.Host, _ modules.Plan) error {
	name := fakeName(h)
	f.applied.add(name)
	if name == f.failOn {
		return errors.New("boom")
	}
	return nil
}

type fakeConn struct{ name string }

func (c *fakeConn) Run(context.Context, string) (hostcmd.Output, error) { return hostcmd.Output{}, nil }
func (c *fakeConn) Close() error                                        { return nil }

type fakeDialer struct {
	down   string
	mu     sync.Mutex
	dialed []string
}

func (d *fakeDialer) Dial(_ context.Context, t transport.Target) (transport.Conn, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.dialed = append(d.dialed, t.Name)
	if t.Name == d.down {
		return nil, &transport.UnreachableError{Host: t.Name, Err: errors.New("connection refused")}
	}
	return &fakeConn{name: t.Name}, nil
}

type recorder struct {
	mu     sync.Mutex
	events []Event
}

func (r *recorder) Event(e Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
}

func hosts(names ...string) []*inventory.Host {
	var hs []*inventory.Host
	for _, n := range names {
		hs = append(hs, &inventory.Host{Name: n, Address: n, Port: 22, User: "root"})
	}
	return hs
}

func playbook(steps ...modules.Module) *playbooks.Playbook {
	ph := &playbooks.Phase{Name: "p"}
	for i, s := range steps {
		ph.Steps = append(ph.Steps, &playbooks.Step{Type: "fake", Name: string(rune('a' + i)), Module: s})
	}
	return &playbooks.Playbook{Name: "t", Phases: []*playbooks.Phase{ph}}
}

func TestEngineOutcomes(t *testing.T) {
	tests := []struct {
		name        string
		down        string
		failOn      string
		lostConn    string
		check       bool
		wantStatus  map[string]HostStatus
		wantApplied []string
		wantExit    int
	}{
		{name: "all converge",
			wantStatus:  map[string]HostStatus{"h1": HostOK, "h2": HostOK, "h3": HostOK},
			wantApplied: []string{"h1", "h2", "h3"}, wantExit: ExitOK},
		{name: "failure moves on", failOn: "h2",
			wantStatus:  map[string]HostStatus{"h1": HostOK, "h2": HostFailed, "h3": HostOK},
			wantApplied: []string{"h1", "h2", "h3"}, wantExit: ExitFailed},
		{name: "unreachable moves on", down: "h1",
			wantStatus:  map[string]HostStatus{"h1": HostUnreachable, "h2": HostOK, "h3": HostOK},
			wantApplied: []string{"h2", "h3"}, wantExit: ExitUnreachable},
		{name: "failed outweighs unreachable", down: "h1", failOn: "h3",
			wantStatus:  map[string]HostStatus{"h1": HostUnreachable, "h2": HostOK, "h3": HostFailed},
			wantApplied: []string{"h2", "h3"}, wantExit: ExitFailed},
		{name: "connection lost mid-run", lostConn: "h2",
			wantStatus:  map[string]HostStatus{"h1": HostOK, "h2": HostUnreachable, "h3": HostOK},
			wantApplied: []string{"h1", "h3"}, wantExit: ExitUnreachable},
		{name: "check mode applies nothing", check: true,
			wantStatus: map[string]HostStatus{"h1": HostOK, "h2": HostOK, "h3": HostOK},
			wantExit:   ExitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			applied := &appliedList{}
			step := &fakeStep{change: true, failOn: tt.failOn, applied: applied, lostConn: tt.lostConn}
			after := &fakeStep{change: false, applied: applied}
			d := &fakeDialer{down: tt.down}
			rec := &recorder{}
			e := &Engine{Dialer: d, Observer: rec, CheckMode: tt.check}
			recap := e.Run(context.Background(), playbook(step, after), hosts("h1", "h2", "h3"), rollout.Route{})

			if !slices.Equal(d.dialed, []string{"h1", "h2", "h3"}) {
				t.Errorf("dial order %v, want serial h1 h2 h3", d.dialed)
			}
			if got := applied.list(); !slices.Equal(got, tt.wantApplied) {
				t.Errorf("applied on %v, want %v", got, tt.wantApplied)
			}
			for _, h := range recap.Hosts {
				if h.Status != tt.wantStatus[h.Host] {
					t.Errorf("%s: %s, want %s", h.Host, h.Status, tt.wantStatus[h.Host])
				}
			}
			if got := recap.ExitCode(); got != tt.wantExit {
				t.Errorf("exit code %d, want %d", got, tt.wantExit)
			}
			if _, ok := rec.events[len(rec.events)-1].(RunFinished); !ok {
				t.Error("last event is not RunFinished")
			}
		})
	}
}

func TestFailedHostStopsItsSteps(t *testing.T) {
	applied := &appliedList{}
	first := &fakeStep{change: true, failOn: "h1", applied: applied}
	second := &fakeStep{change: true, applied: applied}
	rec := &recorder{}
	e := &Engine{Dialer: &fakeDialer{}, Observer: rec}
	recap := e.Run(context.Background(), playbook(first, second), hosts("h1"), rollout.Route{})
	if applied := applied.list(); !slices.Equal(applied, []string{"h1"}) {
		t.Errorf("applied %v: the second step must not run after the first failed", applied)
	}
	h := recap.Hosts[0]
	if h.Failed != 1 || h.Changed != 0 || h.OK != 0 {
		t.Errorf("counts ok=%d changed=%d failed=%d, want 0/0/1", h.OK, h.Changed, h.Failed)
	}
	for _, ev := range rec.events {
		if hf, ok := ev.(HostFinished); ok && hf.StepsLeft != 1 {
			t.Errorf("StepsLeft = %d, want 1", hf.StepsLeft)
		}
	}
}

// fakeName names the fake host behind whatever the engine wraps it in.
func fakeName(h hostcmd.Host) string {
	for {
		switch c := h.(type) {
		case *fakeConn:
			return c.name
		case *probeHost:
			return "" // a batched check learning commands: no host behind it
		case interface{ Unwrap() hostcmd.Host }:
			h = c.Unwrap()
		default:
			panic(fmt.Sprintf("unexpected host %T", h))
		}
	}
}
