package runner

import (
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/switchbackhq/switchback/inventory"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// Planning a run: which hosts follow which route map, in which order and
// waves, decided before any host is contacted. The command line gathers
// the inputs (playbook, hosts, flags); the engine runs the plan.

// PlanSegments splits the hosts in scope between the playbook's named
// rollouts (a host belongs to a rollout when it is in one of its groups,
// or named there), in the order their after settings give; the rest
// follow the default route map, last. Hosts come after the hosts they
// depend on. route lays the run's own settings (the command line's) over
// each route map and resolves it.
func PlanSegments(pb *playbooks.Playbook, hosts []*inventory.Host, route func(rollout.Route) (rollout.Route, error)) ([]Segment, error) {
	hosts, err := dependenciesFirst(hosts)
	if err != nil {
		return nil, err
	}
	segs, err := split(pb, hosts, route)
	if err != nil {
		return nil, err
	}
	return segs, checkDependencies(segs)
}

func split(pb *playbooks.Playbook, hosts []*inventory.Host, apply func(rollout.Route) (rollout.Route, error)) ([]Segment, error) {
	owner := map[string]string{}
	var segs []Segment
	for _, nr := range pb.Rollouts {
		route, err := apply(nr.Route)
		if err != nil {
			return nil, err
		}
		seg := Segment{Name: nr.Name, Route: route, Gate: nr.Gate}
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
	route, err := apply(pb.Rollout)
	if err != nil {
		return nil, err
	}
	rest := Segment{Route: route, Gate: pb.Gate}
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
func checkDependencies(segs []Segment) error {
	segOf, waveOf := map[string]int{}, map[string]int{}
	for w := range Waves(segs) {
		for _, h := range w.Hosts {
			segOf[h.Name], waveOf[h.Name] = w.Segment, w.Index
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

// PlannedWave is one wave of a run's plan.
type PlannedWave struct {
	// Index numbers the wave in the run, from 1: wave numbers run on
	// across segments.
	Index int
	// Segment is the index of the wave's segment; InSegment the wave's
	// own index there, from 0; First the index of its first host among
	// the segment's hosts.
	Segment, InSegment, First int
	Hosts                     []*inventory.Host
}

// Waves walks the waves of a run in the order they run: each segment's
// hosts cut into its route's wave sizes, segment after segment. It is
// the one place that walks them; the engine, the shard deal, the group's
// plan and the plan command all follow it.
func Waves(segments []Segment) iter.Seq[PlannedWave] {
	return func(yield func(PlannedWave) bool) {
		index := 0
		for s, sg := range segments {
			first := 0
			for i, n := range sg.Route.Resolve().WaveSizes(len(sg.Hosts)) {
				index++
				if !yield(PlannedWave{Index: index, Segment: s, InSegment: i, First: first, Hosts: sg.Hosts[first : first+n]}) {
					return
				}
				first += n
			}
		}
	}
}

// HostWaves lists every host of a plan in run order with its wave.
func HostWaves(segments []Segment) (hosts []string, waves []int) {
	for w := range Waves(segments) {
		for _, h := range w.Hosts {
			hosts = append(hosts, h.Name)
			waves = append(waves, w.Index)
		}
	}
	return hosts, waves
}

// Snapshots is the provider that saves the plan's hosts before their
// first change: the playbook's snapshot block's, or, when a route's
// rollback policy (or always, for a drill) needs one and the playbook
// has none, the files provider with what the steps write. Nil when
// nothing needs snapshots.
func Snapshots(pb *playbooks.Playbook, segments []Segment, always bool) snapshot.Provider {
	if pb.Snapshot != nil {
		return pb.Snapshot
	}
	rollback := slices.ContainsFunc(segments, func(sg Segment) bool { return sg.Route.Rollback != rollout.NoRollback })
	if rollback || always {
		return snapshot.DefaultFiles(pb.Writes())
	}
	return nil
}

// Shard is one of n deterministic slices of the hosts in scope, so that
// n jobs (a Kubernetes indexed Job, a Nomad batch job) given the same
// inventory and --limit cover every host exactly once.
type Shard struct{ Index, Of int } // Index is 1-based

// ParseShard reads "I/N" with 1 <= I <= N.
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(strings.TrimSpace(i))
	of, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("%q: write I/N, e.g. 2/5 for the second of five slices", s)
	}
	if of < 1 || index < 1 || index > of {
		return Shard{}, fmt.Errorf("%q: I must be between 1 and N, and N at least 1", s)
	}
	return Shard{Index: index, Of: of}, nil
}

// Hosts returns the shard's slice of hosts: sorted by name and cut into
// n contiguous slices whose sizes differ by at most one. The order of the
// input does not matter; the order of the output is the input's, so that
// waves and dependencies keep the inventory's order.
func (s Shard) Hosts(hosts []*inventory.Host) []*inventory.Host {
	names := make([]string, len(hosts))
	for i, h := range hosts {
		names[i] = h.Name
	}
	slices.Sort(names)
	lo, hi := (s.Index-1)*len(names)/s.Of, s.Index*len(names)/s.Of
	mine := map[string]bool{}
	for _, name := range names[lo:hi] {
		mine[name] = true
	}
	var out []*inventory.Host
	for _, h := range hosts {
		if mine[h.Name] {
			out = append(out, h)
		}
	}
	return out
}
