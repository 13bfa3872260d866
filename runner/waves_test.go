package runner

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/rollout"
)

// failOnSet fails Apply on a set of hosts and records where it ran.
type failOnSet struct {
	fail    map[string]bool
	applied *appliedList
	delay   time.Duration

	inFlight, peak atomic.Int32
}

func (f *failOnSet) Summary() string { return "fake" }
func (f *failOnSet) Check(context.Context, hostcmd.Host) (modules.Plan, error) {
	return modules.Change("+ x\n", nil), nil
}
func (f *failOnSet) Apply(_ context.Context, h hostcmd.Host, _ modules.Plan) error {
	n := f.inFlight.Add(1)
	defer f.inFlight.Add(-1)
	for {
		p := f.peak.Load()
		if n <= p || f.peak.CompareAndSwap(p, n) {
			break
		}
	}
	time.Sleep(f.delay)
	name := fakeName(h)
	f.applied.add(name)
	if f.fail[name] {
		return errors.New("rigged to fail")
	}
	return nil
}

func names(prefix string, n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("%s%02d", prefix, i))
	}
	return out
}

func route(strategy string, sizes []string, maxFail string) rollout.Route {
	r := rollout.Route{Strategy: rollout.Strategy(strategy)}
	for _, s := range sizes {
		r.Sizes = append(r.Sizes, rollout.MustParseSize(s))
	}
	if maxFail != "" {
		r.MaxFail = rollout.MustParseThreshold(maxFail)
	}
	return r
}

func TestWavesHaltOnThreshold(t *testing.T) {
	all := names("h", 20) // waves of 1, 5, 10 and 4
	tests := []struct {
		name     string
		route    rollout.Route
		fail     []string
		down     string
		wantExit int
		// maxStarted bounds the hosts that ran a step: once a halt is
		// decided, hosts of the wave that had not started yet never do, and
		// which those are depends on scheduling.
		maxStarted int
		wantStatus map[string]HostStatus
	}{
		{
			name:  "two failures in wave 3 cross 10% of 10",
			route: route("waves", []string{"1", "25%", "50%", "100%"}, "10%"),
			fail:  []string{"h08", "h12"}, wantExit: ExitHalted, maxStarted: 16,
			wantStatus: map[string]HostStatus{"h01": HostOK, "h06": HostOK, "h08": HostFailed, "h12": HostFailed, "h17": HostNotStarted, "h20": HostNotStarted},
		},
		{
			name:  "one failure in wave 3 is tolerated",
			route: route("waves", []string{"1", "25%", "50%", "100%"}, "10%"),
			fail:  []string{"h08"}, wantExit: ExitFailed, maxStarted: 20,
			wantStatus: map[string]HostStatus{"h08": HostFailed, "h20": HostOK},
		},
		{
			name:  "a failing canary touches nothing else",
			route: route("waves", []string{"1", "25%", "100%"}, "10%"),
			fail:  []string{"h01"}, wantExit: ExitHalted, maxStarted: 1,
			wantStatus: map[string]HostStatus{"h01": HostFailed, "h02": HostNotStarted, "h20": HostNotStarted},
		},
		{
			name:  "an unreachable canary counts as a failure",
			route: route("waves", []string{"1", "100%"}, "10%"),
			down:  "h01", wantExit: ExitHalted, maxStarted: 0,
			wantStatus: map[string]HostStatus{"h01": HostUnreachable, "h02": HostNotStarted},
		},
		{
			name:  "waves halt at the first failure by default",
			route: route("waves", []string{"5"}, ""),
			fail:  []string{"h03"}, wantExit: ExitHalted, maxStarted: 5,
			wantStatus: map[string]HostStatus{"h03": HostFailed, "h06": HostNotStarted},
		},
		{
			name:  "serial goes on by default",
			route: route("serial", nil, ""),
			fail:  []string{"h03", "h04"}, wantExit: ExitFailed, maxStarted: 20,
		},
		{
			name:  "serial with max_fail halts",
			route: route("serial", nil, "1"),
			fail:  []string{"h03", "h04"}, wantExit: ExitHalted, maxStarted: 4,
			wantStatus: map[string]HostStatus{"h05": HostNotStarted},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fail := map[string]bool{}
			for _, h := range tt.fail {
				fail[h] = true
			}
			step := &failOnSet{fail: fail, applied: &appliedList{}}
			rec := &recorder{}
			e := &Engine{Dialer: &fakeDialer{down: tt.down}, Observer: rec}
			recap := e.Run(context.Background(), playbook(step), hosts(all...), tt.route)
			if got := recap.ExitCode(); got != tt.wantExit {
				t.Errorf("exit %d, want %d", got, tt.wantExit)
			}
			if got := len(step.applied.list()); got > tt.maxStarted || (tt.wantExit != ExitHalted && got != tt.maxStarted) {
				t.Errorf("%d hosts ran the step, want at most %d", got, tt.maxStarted)
			}
			for _, h := range recap.Hosts {
				if want, ok := tt.wantStatus[h.Host]; ok && h.Status != want {
					t.Errorf("%s: %s, want %s", h.Host, h.Status, want)
				}
			}
			if (recap.Halt != nil) != (tt.wantExit == ExitHalted) {
				t.Errorf("halt = %+v", recap.Halt)
			}
		})
	}
}

func TestForksBoundConcurrency(t *testing.T) {
	step := &failOnSet{applied: &appliedList{}, delay: 20 * time.Millisecond}
	r := route("waves", []string{"100%"}, "")
	r.Forks = 3
	e := &Engine{Dialer: &fakeDialer{}}
	e.Run(context.Background(), playbook(step), hosts(names("h", 12)...), r)
	if p := step.peak.Load(); p != 3 {
		t.Errorf("peak of %d hosts in flight, want 3 (forks)", p)
	}
}

// TestOrderByPhase checks the phase barrier: within a wave no host starts
// phase 2 before every host of the wave finished phase 1.
func TestOrderByPhase(t *testing.T) {
	slow := &failOnSet{applied: &appliedList{}, delay: 5 * time.Millisecond}
	pb := &playbooks.Playbook{Name: "t", Phases: []*playbooks.Phase{
		{Name: "one", Steps: []*playbooks.Step{{Type: "fake", Name: "a", Module: slow}}},
		{Name: "two", Steps: []*playbooks.Step{{Type: "fake", Name: "b", Module: slow}}},
	}}
	r := route("waves", []string{"3", "100%"}, "")
	r.Order = rollout.ByPhase
	rec := &recorder{}
	e := &Engine{Dialer: &fakeDialer{}, Observer: rec}
	recap := e.Run(context.Background(), pb, hosts(names("h", 7)...), r)
	if recap.ExitCode() != ExitOK {
		t.Fatalf("exit %d", recap.ExitCode())
	}
	waveOf := map[string]int{}
	for _, h := range recap.Hosts {
		waveOf[h.Host] = h.Wave
	}
	lastPhase1End := map[int]time.Time{}
	firstPhase2Start := map[int]time.Time{}
	for _, ev := range rec.events {
		switch e := ev.(type) {
		case StepFinished:
			if w := waveOf[e.Host]; e.Phase == "one" && e.At.After(lastPhase1End[w]) {
				lastPhase1End[w] = e.At
			}
		case StepStarted:
			if w := waveOf[e.Host]; e.Phase == "two" && (firstPhase2Start[w].IsZero() || e.At.Before(firstPhase2Start[w])) {
				firstPhase2Start[w] = e.At
			}
		}
	}
	for w := 1; w <= 2; w++ {
		if firstPhase2Start[w].Before(lastPhase1End[w]) {
			t.Errorf("wave %d: phase two started at %v, before phase one ended at %v", w, firstPhase2Start[w], lastPhase1End[w])
		}
	}
	if len(slow.applied.list()) != 14 {
		t.Errorf("%d applies, want 14", len(slow.applied.list()))
	}
}

// TestHaltStopsHostsInFlight: when the threshold is crossed, hosts in
// flight stop after their current step instead of finishing the play.
func TestHaltStopsHostsInFlight(t *testing.T) {
	// Every host is inside the slow second step when h01 fails its own
	// second step: the others must finish that step and go no further.
	second := &gatedStep{failOn: "h01", started: make(chan struct{}, 4), release: 4}
	third := &failOnSet{applied: &appliedList{}}
	r := route("waves", []string{"100%"}, "0")
	r.Forks = 4
	e := &Engine{Dialer: &fakeDialer{}}
	recap := e.Run(context.Background(), playbook(second, third), hosts(names("h", 4)...), r)
	if recap.ExitCode() != ExitHalted {
		t.Fatalf("exit %d", recap.ExitCode())
	}
	if n := len(third.applied.list()); n != 0 {
		t.Errorf("%d host(s) ran the next step after the halt", n)
	}
	if n := recap.Count(HostHalted); n != 3 {
		t.Errorf("%d host(s) stopped in flight, want 3", n)
	}
}

// gatedStep holds every host in Apply until release hosts have entered
// it, then fails on one: a halt that surely comes with hosts in flight.
type gatedStep struct {
	failOn  string
	started chan struct{}
	release int
	once    sync.Once
	gate    chan struct{}
	mu      sync.Mutex
}

func (g *gatedStep) Summary() string { return "gated" }
func (g *gatedStep) Check(context.Context, hostcmd.Host) (modules.Plan, error) {
	return modules.Change("+ x\n", nil), nil
}
func (g *gatedStep) Apply(_ context.Context, h hostcmd.Host, _ modules.Plan) error {
	g.mu.Lock()
	if g.gate == nil {
		g.gate = make(chan struct{})
	}
	gate := g.gate
	g.mu.Unlock()
	g.started <- struct{}{}
	if len(g.started) == g.release {
		g.once.Do(func() { close(gate) })
	}
	<-gate
	if fakeName(h) == g.failOn {
		return errors.New("rigged to fail")
	}
	time.Sleep(20 * time.Millisecond) // the others are still busy when the halt comes
	return nil
}
