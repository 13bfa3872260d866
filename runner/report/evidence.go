package report

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/state"
)

// RunSource is where a run's evidence is read from: the state store (any
// backend of it). Everything a run's page or summary shows comes through
// these methods, so that they work for any recorded run.
type RunSource interface {
	Run(ctx context.Context, id string) (state.Run, error)
	Hosts(ctx context.Context, runID string) ([]state.Host, error)
	Steps(ctx context.Context, runID string) ([]state.Step, error)
	Waves(ctx context.Context, runID string) ([]state.Wave, error)
	Invocation(ctx context.Context, runID string) (state.Invocation, error)
}

// Evidence is one recorded run, read whole.
type Evidence struct {
	Run   state.Run
	Waves []state.Wave
	Hosts []state.Host
	Steps []state.Step
	// Invocation is nil when the run's arguments were not recorded.
	Invocation *state.Invocation
}

// LoadEvidence reads run id from src.
func LoadEvidence(ctx context.Context, src RunSource, id string) (*Evidence, error) {
	r, err := src.Run(ctx, id)
	if err != nil {
		return nil, err
	}
	ev := &Evidence{Run: r}
	if ev.Waves, err = src.Waves(ctx, id); err != nil {
		return nil, err
	}
	if ev.Hosts, err = src.Hosts(ctx, id); err != nil {
		return nil, err
	}
	if ev.Steps, err = src.Steps(ctx, id); err != nil {
		return nil, err
	}
	inv, err := src.Invocation(ctx, id)
	switch {
	case err == nil:
		ev.Invocation = &inv
	case !errors.Is(err, state.ErrNoInvocation):
		return nil, err
	}
	return ev, nil
}

// Outcome says in a few words how the run ended, from its exit code.
func (ev *Evidence) Outcome() (class, text string) {
	r := ev.Run
	if r.ExitCode == nil {
		return "unfinished", "unfinished: the runner stopped before the end"
	}
	switch *r.ExitCode {
	case runner.ExitOK:
		return "ok", "succeeded"
	case runner.ExitFailed:
		return "failed", "some hosts failed"
	case runner.ExitUnreachable:
		return "unreachable", "some hosts were unreachable"
	case runner.ExitHalted:
		return "halted", fmt.Sprintf("halted in wave %d", derefInt(r.HaltWave))
	case runner.ExitRollback:
		return "rollback-failed", "a rollback failed"
	}
	return "failed", fmt.Sprintf("exit %d", *r.ExitCode)
}

// HostCounts counts hosts by outcome, and those rolled back.
type HostCounts struct {
	OK, Failed, Unreachable, Halted, NotStarted, Running int
	Changed, RolledBack, RollbackFailed, Snapshots       int
}

// Counts tallies the run's hosts.
func (ev *Evidence) Counts() HostCounts {
	var c HostCounts
	for _, h := range ev.Hosts {
		switch runner.HostStatus(h.Status) {
		case runner.HostOK:
			c.OK++
		case runner.HostFailed:
			c.Failed++
		case runner.HostUnreachable:
			c.Unreachable++
		case runner.HostHalted:
			c.Halted++
		case runner.HostNotStarted:
			c.NotStarted++
		default:
			c.Running++
		}
		if h.Changed > 0 {
			c.Changed++
		}
		if h.RolledBack {
			c.RolledBack++
		}
		if h.RollbackError != "" {
			c.RollbackFailed++
		}
		if h.Snapshot != "" || !h.SnapshotAt.IsZero() {
			c.Snapshots++
		}
	}
	return c
}

// WaveCounts tallies the hosts of each wave (0: hosts whose wave never
// started), in wave order.
func (ev *Evidence) WaveCounts() []WaveCount {
	byWave := map[int]*WaveCount{}
	var order []int
	for _, w := range ev.Waves {
		byWave[w.Wave] = &WaveCount{Wave: w, Started: true}
		order = append(order, w.Wave)
	}
	for _, h := range ev.Hosts {
		wc := byWave[h.Wave]
		if wc == nil {
			wc = &WaveCount{Wave: state.Wave{Wave: h.Wave}}
			byWave[h.Wave] = wc
			order = append(order, h.Wave)
		}
		wc.Count.add(h)
	}
	out := make([]WaveCount, 0, len(order))
	for _, n := range order {
		if n != 0 {
			out = append(out, *byWave[n])
		}
	}
	if wc, ok := byWave[0]; ok {
		out = append(out, *wc)
	}
	return out
}

// WaveCount is one wave and how its hosts ended.
type WaveCount struct {
	Wave    state.Wave
	Started bool
	Count   HostCounts
}

func (c *HostCounts) add(h state.Host) {
	one := (&Evidence{Hosts: []state.Host{h}}).Counts()
	c.OK += one.OK
	c.Failed += one.Failed
	c.Unreachable += one.Unreachable
	c.Halted += one.Halted
	c.NotStarted += one.NotStarted
	c.Running += one.Running
	c.Changed += one.Changed
	c.RolledBack += one.RolledBack
	c.RollbackFailed += one.RollbackFailed
	c.Snapshots += one.Snapshots
}

// Failure is a host that failed or could not be reached, with the step
// that failed (none for an unreachable host) and its error.
type Failure struct {
	Host, Status, Phase, Step, Error string
	Wave                             int
}

// Failures lists the failed and unreachable hosts in recorded order.
func (ev *Evidence) Failures() []Failure {
	failedStep := map[string]state.Step{}
	for _, s := range ev.Steps {
		if s.Status == string(runner.StatusFailed) && !s.Ignored {
			if _, seen := failedStep[s.Host]; !seen {
				failedStep[s.Host] = s
			}
		}
	}
	var out []Failure
	for _, h := range ev.Hosts {
		if h.Status != string(runner.HostFailed) && h.Status != string(runner.HostUnreachable) {
			continue
		}
		f := Failure{Host: h.Host, Status: h.Status, Wave: h.Wave, Error: h.Error}
		if s, ok := failedStep[h.Host]; ok {
			f.Phase, f.Step = s.Phase, s.Step
			if s.Error != "" {
				f.Error = s.Error
			}
		}
		f.Error = Printable(f.Error)
		out = append(out, f)
	}
	return out
}

// Duration is how long the run took, or has taken so far by what it
// recorded.
func (ev *Evidence) Duration() time.Duration {
	return ev.end().Sub(ev.Run.StartedAt)
}

// end is the last time the run recorded anything.
func (ev *Evidence) end() time.Time {
	end := ev.Run.StartedAt
	later := func(t time.Time) {
		if t.After(end) {
			end = t
		}
	}
	later(ev.Run.FinishedAt)
	later(ev.Run.HaltedAt)
	for _, w := range ev.Waves {
		later(w.StartedAt)
		later(w.FinishedAt)
	}
	for _, h := range ev.Hosts {
		later(h.StartedAt)
		later(h.FinishedAt)
		later(h.RollbackFinishedAt)
	}
	for _, s := range ev.Steps {
		later(s.FinishedAt)
	}
	return end
}

// CommandLine is the run's command line as it was given, quoted for a
// shell, with --notify addresses cut to their host (a webhook's path is
// often its secret). Sensitive --var values were never recorded.
func (ev *Evidence) CommandLine() string {
	if ev.Invocation == nil {
		return ""
	}
	args := ev.Invocation.Args
	parts := []string{"switchback"}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--notify" && i+1 < len(args):
			parts = append(parts, a, shell.Quote(RedactURL(args[i+1])))
			i++
			continue
		case strings.HasPrefix(a, "--notify="):
			a = "--notify=" + RedactURL(strings.TrimPrefix(a, "--notify="))
		}
		parts = append(parts, shell.Quote(a))
	}
	return Printable(strings.Join(parts, " "))
}

// RedactURL keeps a URL's scheme and host: its user, path and query may
// hold a token.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "(address withheld)"
	}
	if u.Path == "" && u.RawQuery == "" && u.User == nil {
		return u.Scheme + "://" + u.Host
	}
	return u.Scheme + "://" + u.Host + "/…"
}

func derefInt(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}
