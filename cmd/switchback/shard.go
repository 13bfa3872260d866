package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/switchbackhq/switchback/inventory"
)

// shard is one of n deterministic slices of the hosts in scope, so that
// n jobs (a Kubernetes indexed Job, a Nomad batch job) given the same
// inventory and --limit cover every host exactly once.
type shard struct{ index, of int } // index is 1-based

// parseShard reads "I/N" with 1 <= I <= N.
func parseShard(s string) (shard, error) {
	i, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(strings.TrimSpace(i))
	of, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil {
		return shard{}, fmt.Errorf("--shard %q: write I/N, e.g. 2/5 for the second of five slices", s)
	}
	if of < 1 || index < 1 || index > of {
		return shard{}, fmt.Errorf("--shard %q: I must be between 1 and N, and N at least 1", s)
	}
	return shard{index: index, of: of}, nil
}

// hosts returns the shard's slice of hosts: sorted by name and cut into
// n contiguous slices whose sizes differ by at most one. The order of the
// input does not matter; the order of the output is the input's, so that
// waves and dependencies keep the inventory's order.
func (s shard) hosts(hosts []*inventory.Host) []*inventory.Host {
	names := make([]string, len(hosts))
	for i, h := range hosts {
		names[i] = h.Name
	}
	slices.Sort(names)
	lo, hi := (s.index-1)*len(names)/s.of, s.index*len(names)/s.of
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
