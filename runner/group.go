package runner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Group makes the controllers of a shard group one run: each drives its
// own shard of the hosts, and the group decides together what a run of
// one controller decides alone. Every shard plans the same fleet-wide
// waves (the canary is one host, fleet-wide), runs its own hosts of each
// wave, and waits for every shard to finish a wave before the next;
// failures count against max_fail and max_fail_total fleet-wide, and a
// halt anywhere halts every shard. The state store's PostgreSQL backend
// implements it; ARCHITECTURE.md has the protocol.
type Group interface {
	// Shard is this controller's shard, 1-based, and the group's size.
	Shard() (index, of int)
	// Failed records that a host of this shard failed or was unreachable
	// and counts the hosts that did, fleet-wide, among wave (the hosts of
	// its wave) and among rollout (those of its route map).
	Failed(ctx context.Context, host string, status HostStatus, wave, rollout []string) (waveFailed, rolloutFailed int, err error)
	// Halt records the run's halt for every shard; the first halt wins.
	Halt(ctx context.Context, h Halted, byThreshold bool) error
	// Watch calls halted once when another shard halts the run (or this
	// controller can no longer see the others), until ctx ends.
	Watch(ctx context.Context, halted func(h Halted, byThreshold bool))
	// WaveDone records that this shard finished a wave and waits until
	// every shard has, or the run halted. waiting is called now and then
	// while it waits, to say for whom.
	WaveDone(ctx context.Context, wave int, waiting func(ShardsWaiting)) error
	// Outcome is how a host of another shard ended (for depends_on).
	Outcome(ctx context.Context, host string) (HostStatus, error)
	// Tally counts the fleet's hosts by how they ended.
	Tally(ctx context.Context) (map[HostStatus]int, error)
}

// ShardsWaiting says a shard waits for others at the end of a wave.
type ShardsWaiting struct {
	Wave  int
	Since time.Duration
	// Shards describes each shard not done with the wave: "2/3 (running on
	// ctl-2, pid 41)", "3/3 (dead since ...: take it over with ...)".
	Shards []string
}

// DealShards gives each host of a run to one of n shards: the hosts of
// each wave, in run order, go round the shards in turn, the deal going on
// from wave to wave, so that every wave is split as evenly as it can be
// and the canary falls to shard 1. A host that depends on another host of
// the same wave goes to that host's shard, so that waiting for it stays
// inside one controller; a host of an earlier wave is waited for by the
// barrier between waves.
func DealShards(segments []Segment, n int) map[string]int {
	owner := map[string]int{}
	next := 0
	for w := range Waves(segments) {
		inWave := map[string]bool{}
		for _, h := range w.Hosts {
			inWave[h.Name] = true
		}
		// Hosts arrive dependencies first (PlanSegments orders them), so
		// a dependency of the same wave is already dealt.
		for _, h := range w.Hosts {
			shard := 0
			for _, d := range h.DependsOn {
				if inWave[d] {
					shard = owner[d]
					break
				}
			}
			if shard == 0 {
				shard = next%n + 1
				next++
			}
			owner[h.Name] = shard
		}
	}
	return owner
}

// PlanDigest sums up what the shards of a group must agree on: the hosts
// of every wave and route map, and the number of shards. A controller
// given another inventory, limit or playbook than the group's first is
// refused before it touches anything.
func PlanDigest(playbook string, segments []Segment, n int) string {
	h := sha256.New()
	fmt.Fprintf(h, "playbook %q shards %d\n", playbook, n)
	for _, sg := range segments {
		route := sg.Route.Resolve()
		sizes := route.WaveSizes(len(sg.Hosts))
		fmt.Fprintf(h, "rollout %q %s waves %v max_fail %s max_fail_total %s rollback %s\n", sg.Name, route.Strategy, sizes,
			route.MaxFail, route.MaxFailTotal, route.Rollback)
		names := make([]string, len(sg.Hosts))
		for i, host := range sg.Hosts {
			names[i] = host.Name
		}
		fmt.Fprintf(h, "hosts %s\n", strings.Join(names, " "))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
