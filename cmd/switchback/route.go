package main

import (
	"fmt"

	"github.com/switchbackhq/switchback/runner/rollout"
)

// routeFlags override the playbook's rollout block, field by field.
type routeFlags struct {
	Strategy     string   `placeholder:"serial|waves" help:"Run hosts one at a time (serial) or in waves; overrides the playbook's rollout block."`
	Waves        []string `sep:"," placeholder:"SIZES" help:"Wave sizes as counts or percentages, e.g. 1,10%,50%,100%; the last repeats until hosts run out (implies --strategy waves)."`
	Order        string   `placeholder:"host|phase" help:"host: each host runs every phase on its own; phase: a wave runs phase 1 on all its hosts, then phase 2."`
	Forks        int      `placeholder:"N" help:"Hosts in flight at once inside a wave (default 10 in waves)."`
	MaxFail      string   `placeholder:"N|P%" help:"Failed or unreachable hosts a wave tolerates before the run halts (waves default: 0)."`
	MaxFailTotal string   `placeholder:"N|P%" help:"Failed or unreachable hosts the whole run tolerates before it halts."`
	Pause        string   `placeholder:"DURATION|confirm" help:"Wait between waves: a duration such as 5m, or confirm to ask before each wave."`
	Rollback     string   `placeholder:"none|host|wave|run" help:"Restore hosts from the snapshots taken before their first change: a failed host at once (host), every changed host of a halted wave (wave), or every changed host of a halted run (run)."`
}

// apply lays the flags over the playbook's route map.
func (f routeFlags) apply(r rollout.Route) (rollout.Route, error) {
	var err error
	if f.Strategy != "" {
		if r.Strategy, err = rollout.ParseStrategy(f.Strategy); err != nil {
			return r, fmt.Errorf("--strategy: %w", err)
		}
	}
	if len(f.Waves) > 0 {
		r.Sizes = nil
		for _, w := range f.Waves {
			s, err := rollout.ParseSize(w)
			if err != nil {
				return r, fmt.Errorf("--waves: %w", err)
			}
			r.Sizes = append(r.Sizes, s)
		}
		if f.Strategy == "" {
			r.Strategy = rollout.Waves
		}
	}
	if f.Order != "" {
		if r.Order, err = rollout.ParseOrder(f.Order); err != nil {
			return r, fmt.Errorf("--order: %w", err)
		}
	}
	if f.Forks != 0 {
		if f.Forks < 0 {
			return r, fmt.Errorf("--forks %d: give at least 1", f.Forks)
		}
		r.Forks = f.Forks
	}
	if f.MaxFail != "" {
		if r.MaxFail, err = rollout.ParseThreshold(f.MaxFail); err != nil {
			return r, fmt.Errorf("--max-fail: %w", err)
		}
	}
	if f.MaxFailTotal != "" {
		if r.MaxFailTotal, err = rollout.ParseThreshold(f.MaxFailTotal); err != nil {
			return r, fmt.Errorf("--max-fail-total: %w", err)
		}
	}
	if f.Pause != "" {
		if r.Pause, err = rollout.ParsePause(f.Pause); err != nil {
			return r, fmt.Errorf("--pause: %w", err)
		}
	}
	if f.Rollback != "" {
		if r.Rollback, err = rollout.ParseRollback(f.Rollback); err != nil {
			return r, fmt.Errorf("--rollback: %w", err)
		}
	}
	if f.Strategy == string(rollout.Serial) && (len(f.Waves) > 0 || f.Forks > 1) {
		return r, fmt.Errorf("--waves and --forks need --strategy waves; serial runs one host at a time")
	}
	if r.Strategy == rollout.Serial || r.Strategy == "" {
		r.Sizes, r.Forks = nil, 0 // serial: one wave, one host at a time
	}
	return r.Resolve(), nil
}
