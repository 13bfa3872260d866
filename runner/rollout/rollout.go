// Package rollout holds the arithmetic of a route map: how many hosts go
// in each wave and how many failures a wave tolerates. It has no
// dependencies so that both the playbook loader and the engine use it.
package rollout

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// Strategy is how hosts are scheduled.
type Strategy string

const (
	// Serial runs one host at a time, all hosts in one wave.
	Serial Strategy = "serial"
	// Waves runs hosts in waves of growing size, the first being the canary.
	Waves Strategy = "waves"
)

// Order is how a wave walks its hosts and phases.
type Order string

const (
	// ByHost runs every phase of a host before it is done with it.
	ByHost Order = "host"
	// ByPhase sweeps phase 1 across all hosts of a wave, then phase 2, with
	// a barrier between phases.
	ByPhase Order = "phase"
)

// Route is a complete route map.
type Route struct {
	Strategy Strategy
	Sizes    []Size
	Order    Order
	// Forks is the number of hosts in flight at once inside a wave.
	Forks int
	// MaxFail is the tolerance of each wave, MaxFailTotal of the run.
	MaxFail      Threshold
	MaxFailTotal Threshold
	// Rollback says which hosts are restored from their snapshots.
	Rollback Rollback
	// Pause is what happens between waves.
	Pause Pause
}

// Pause is a wait between waves: a fixed time, or the operator's go.
type Pause struct {
	Wait    time.Duration
	Confirm bool
}

// ParsePause reads "5m", "30s" or "confirm".
func ParsePause(s string) (Pause, error) {
	if s == "confirm" {
		return Pause{Confirm: true}, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return Pause{}, fmt.Errorf("pause %q: use a duration such as \"5m\", or \"confirm\" to ask before each wave", s)
	}
	return Pause{Wait: d}, nil
}

func (p Pause) String() string {
	switch {
	case p.Confirm:
		return "confirm"
	case p.Wait > 0:
		return p.Wait.String()
	}
	return "none"
}

// Rollback is what a run restores from snapshots when things go wrong.
type Rollback string

const (
	// NoRollback leaves every host as the run left it.
	NoRollback Rollback = "none"
	// RollbackHost restores a host as soon as it fails.
	RollbackHost Rollback = "host"
	// RollbackWave restores every changed host of the wave that halted.
	RollbackWave Rollback = "wave"
	// RollbackRun restores every host the run changed, newest wave first,
	// when the run halts.
	RollbackRun Rollback = "run"
)

// ParseRollback reads a rollback policy.
func ParseRollback(s string) (Rollback, error) {
	switch Rollback(s) {
	case NoRollback, RollbackHost, RollbackWave, RollbackRun:
		return Rollback(s), nil
	}
	return "", fmt.Errorf("rollback %q: use %q, %q, %q or %q", s, NoRollback, RollbackHost, RollbackWave, RollbackRun)
}

// DefaultForks is the parallelism of a wave when none is given.
const DefaultForks = 10

// Resolve fills in what follows from the strategy: serial runs every host
// in one wave, one at a time, and by default tolerates any number of
// failures; waves default to [1, "100%"] (a canary, then the rest), ten
// hosts at a time, and halt at the first failure, the safe default for a
// progressive rollout.
func (r Route) Resolve() Route {
	switch r.Strategy {
	case Serial, "":
		r.Strategy = Serial
		r.Sizes = []Size{MustParseSize("100%")}
		r.Forks = 1
		if !r.MaxFail.set {
			r.MaxFail = Unlimited()
		}
	case Waves:
		if len(r.Sizes) == 0 {
			r.Sizes = []Size{MustParseSize("1"), MustParseSize("100%")}
		}
		if r.Forks <= 0 {
			r.Forks = DefaultForks
		}
		if !r.MaxFail.set {
			r.MaxFail = MustParseThreshold("0")
		}
	}
	if r.Order == "" {
		r.Order = ByHost
	}
	if !r.MaxFailTotal.set {
		r.MaxFailTotal = Unlimited()
	}
	if r.Rollback == "" {
		r.Rollback = NoRollback
	}
	return r
}

// WaveSizes splits n hosts into waves: each size is rounded up and at
// least 1, the last size repeats until the hosts run out, and the last
// wave takes what is left.
func (r Route) WaveSizes(n int) []int {
	var sizes []int
	for i, left := 0, n; left > 0; i++ {
		s := r.Sizes[min(i, len(r.Sizes)-1)].Of(n)
		s = min(s, left)
		sizes = append(sizes, s)
		left -= s
	}
	return sizes
}

// ParseStrategy reads a strategy name.
func ParseStrategy(s string) (Strategy, error) {
	switch Strategy(s) {
	case Serial, Waves:
		return Strategy(s), nil
	}
	return "", fmt.Errorf("strategy %q: use %q or %q", s, Serial, Waves)
}

// ParseOrder reads an order name.
func ParseOrder(s string) (Order, error) {
	switch Order(s) {
	case ByHost, ByPhase:
		return Order(s), nil
	}
	return "", fmt.Errorf("order %q: use %q or %q", s, ByHost, ByPhase)
}

// Size is a wave size: a count of hosts or a percentage of the hosts in
// scope.
type Size struct {
	count   int
	percent *big.Rat // nil for a count
	text    string
}

func (s Size) String() string { return s.text }

// ParseSize reads "3", "10%" or "2.5%". Percentages are kept exact, so
// that "10%" of 30 hosts is 3 and never 3.0000001 rounded up to 4.
func ParseSize(text string) (Size, error) {
	t := strings.TrimSpace(text)
	if p, ok := strings.CutSuffix(t, "%"); ok {
		r, err := parsePercent(p)
		if err != nil {
			return Size{}, fmt.Errorf("wave size %q: %w", text, err)
		}
		if r.Sign() <= 0 {
			return Size{}, fmt.Errorf("wave size %q: a wave holds at least one host; use a percentage above 0", text)
		}
		return Size{percent: r, text: t}, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 1 {
		return Size{}, fmt.Errorf("wave size %q: use a host count of at least 1 or a percentage like \"10%%\"", text)
	}
	return Size{count: n, text: t}, nil
}

// MustParseSize is ParseSize for constants.
func MustParseSize(text string) Size {
	s, err := ParseSize(text)
	if err != nil {
		panic(err)
	}
	return s
}

// Of returns the size of the wave for n hosts in scope: rounded up, at
// least 1.
func (s Size) Of(n int) int {
	if s.percent == nil {
		return s.count
	}
	v := new(big.Rat).Mul(s.percent, big.NewRat(int64(n), 100))
	return max(1, ceil(v))
}

// Threshold is how many failures are tolerated: a count, a percentage of
// the hosts it applies to, or no limit.
type Threshold struct {
	set       bool
	unlimited bool
	count     int
	percent   *big.Rat
	text      string
}

func (t Threshold) String() string {
	if t.unlimited {
		return "unlimited"
	}
	return t.text
}

// Unlimited tolerates every failure.
func Unlimited() Threshold { return Threshold{set: true, unlimited: true} }

// ParseThreshold reads "2", "10%", "2.5%" or "100%".
func ParseThreshold(text string) (Threshold, error) {
	t := strings.TrimSpace(text)
	if p, ok := strings.CutSuffix(t, "%"); ok {
		r, err := parsePercent(p)
		if err != nil {
			return Threshold{}, fmt.Errorf("failure threshold %q: %w", text, err)
		}
		return Threshold{set: true, percent: r, text: t}, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 {
		return Threshold{}, fmt.Errorf("failure threshold %q: use a count of hosts (0 or more) or a percentage like \"10%%\"", text)
	}
	return Threshold{set: true, count: n, text: t}, nil
}

// MustParseThreshold is ParseThreshold for constants.
func MustParseThreshold(text string) Threshold {
	t, err := ParseThreshold(text)
	if err != nil {
		panic(err)
	}
	return t
}

// Limited says whether some number of failures halts the run.
func (t Threshold) Limited() bool { return !t.unlimited }

// IsSet says whether the threshold was given (or resolved).
func (t Threshold) IsSet() bool { return t.set }

// Tolerance is how many of n hosts may fail before a halt: a percentage
// is rounded down, so 10% of a 20-host wave tolerates 2 and of a 1-host
// canary tolerates 0. The halt comes when failures exceed it.
func (t Threshold) Tolerance(n int) int {
	switch {
	case t.unlimited:
		return n
	case t.percent == nil:
		return t.count
	}
	v := new(big.Rat).Mul(t.percent, big.NewRat(int64(n), 100))
	return floor(v)
}

// Exceeded says whether failures out of n hosts cross the threshold.
func (t Threshold) Exceeded(failures, n int) bool {
	return !t.unlimited && failures > t.Tolerance(n)
}

func parsePercent(p string) (*big.Rat, error) {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(p))
	if !ok || strings.ContainsAny(p, "/eE") {
		return nil, errors.New("not a decimal percentage")
	}
	if r.Sign() < 0 || r.Cmp(big.NewRat(100, 1)) > 0 {
		return nil, errors.New("a percentage is between 0 and 100")
	}
	return r, nil
}

func floor(r *big.Rat) int {
	q := new(big.Int).Quo(r.Num(), r.Denom()) // r is never negative here
	return int(q.Int64())
}

func ceil(r *big.Rat) int {
	f := floor(r)
	if r.IsInt() {
		return f
	}
	return f + 1
}
