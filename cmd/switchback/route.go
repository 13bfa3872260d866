package main

import (
	"fmt"
	"slices"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner"
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

// segments splits the hosts in scope between the playbook's named
// rollouts (a host belongs to a rollout when it is in one of its groups,
// or named there), in the order their after settings give; the rest
// follow the default route map, last. The flags apply to every route.
func (f routeFlags) segments(pb *playbooks.Playbook, hosts []*inventory.Host) ([]runner.Segment, error) {
	hosts, err := dependenciesFirst(hosts)
	if err != nil {
		return nil, err
	}
	segs, err := f.split(pb, hosts)
	if err != nil {
		return nil, err
	}
	return segs, checkDependencies(segs)
}

func (f routeFlags) split(pb *playbooks.Playbook, hosts []*inventory.Host) ([]runner.Segment, error) {
	owner := map[string]string{}
	var segs []runner.Segment
	for _, nr := range pb.Rollouts {
		route, err := f.apply(nr.Route)
		if err != nil {
			return nil, err
		}
		seg := runner.Segment{Name: nr.Name, Route: route, Gate: nr.Gate}
		for _, h := range hosts {
			if !inGroups(h, nr.Groups) {
				continue
			}
			if prev, taken := owner[h.Name]; taken {
				return nil, fmt.Errorf("host %s is in rollout %q and in rollout %q; a host follows one route map: narrow their groups", h.Name, prev, nr.Name)
			}
			owner[h.Name] = nr.Name
			seg.Hosts = append(seg.Hosts, h)
		}
		if len(seg.Hosts) > 0 {
			segs = append(segs, seg)
		}
	}
	route, err := f.apply(pb.Rollout)
	if err != nil {
		return nil, err
	}
	rest := runner.Segment{Route: route, Gate: pb.Gate}
	for _, h := range hosts {
		if _, taken := owner[h.Name]; !taken {
			rest.Hosts = append(rest.Hosts, h)
		}
	}
	if len(rest.Hosts) > 0 || len(segs) == 0 {
		segs = append(segs, rest)
	}
	return segs, nil
}

func inGroups(h *inventory.Host, groups []string) bool {
	for _, g := range groups {
		if g == h.Name || slices.Contains(h.Groups, g) {
			return true
		}
	}
	return false
}

// dependenciesFirst orders hosts so that each comes after the hosts it
// depends on, keeping inventory order otherwise. A dependency outside the
// hosts in scope is an error: the run could not know it converged.
func dependenciesFirst(hosts []*inventory.Host) ([]*inventory.Host, error) {
	byName := map[string]*inventory.Host{}
	for _, h := range hosts {
		byName[h.Name] = h
	}
	placed := map[string]bool{}
	var out []*inventory.Host
	var place func(h *inventory.Host)
	place = func(h *inventory.Host) {
		if placed[h.Name] {
			return
		}
		placed[h.Name] = true // cycles were refused when the inventory loaded
		for _, d := range h.DependsOn {
			place(byName[d])
		}
		out = append(out, h)
	}
	for _, h := range hosts {
		for _, d := range h.DependsOn {
			if byName[d] == nil {
				return nil, fmt.Errorf("host %s depends on %s, which this run does not include; add %s to --limit (or the playbook's hosts), or drop the dependency", h.Name, d, d)
			}
		}
	}
	for _, h := range hosts {
		place(h)
	}
	return out, nil
}

// checkDependencies refuses orders in which a host would wait forever:
// on a host of a later rollout, or, with order = "phase", on a host of
// its own wave (which finishes only when the whole wave does).
func checkDependencies(segs []runner.Segment) error {
	segOf, waveOf := map[string]int{}, map[string]int{}
	for i, seg := range segs {
		j := 0
		for w, n := range seg.Route.WaveSizes(len(seg.Hosts)) {
			for _, h := range seg.Hosts[j : j+n] {
				segOf[h.Name], waveOf[h.Name] = i, w
			}
			j += n
		}
	}
	for i, seg := range segs {
		for _, h := range seg.Hosts {
			for _, d := range h.DependsOn {
				switch {
				case segOf[d] > i:
					return fmt.Errorf("host %s depends on %s, whose rollout %q runs later; reorder the rollouts with after", h.Name, d, segs[segOf[d]].Name)
				case segOf[d] == i && waveOf[d] == waveOf[h.Name] && seg.Route.Order == rollout.ByPhase:
					return fmt.Errorf("host %s depends on %s in the same wave, but order = \"phase\" finishes a wave's hosts together; use order = \"host\" or smaller waves", h.Name, d)
				}
			}
		}
	}
	return nil
}
