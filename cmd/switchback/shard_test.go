package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/inventory"
)

func TestParseShard(t *testing.T) {
	tests := []struct {
		in      string
		want    shard
		wantErr string
	}{
		{"1/1", shard{1, 1}, ""},
		{"3/8", shard{3, 8}, ""},
		{" 2 / 4 ", shard{2, 4}, ""},
		{"0/4", shard{}, "between 1 and N"},
		{"5/4", shard{}, "between 1 and N"},
		{"1/0", shard{}, "between 1 and N"},
		{"-1/4", shard{}, "between 1 and N"},
		{"2", shard{}, "write I/N"},
		{"a/b", shard{}, "write I/N"},
		{"1/2/3", shard{}, "write I/N"},
	}
	for _, tt := range tests {
		got, err := parseShard(tt.in)
		switch {
		case tt.wantErr == "" && (err != nil || got != tt.want):
			t.Errorf("parseShard(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("parseShard(%q) error %v, want one containing %q", tt.in, err, tt.wantErr)
		}
	}
}

func hostList(names ...string) []*inventory.Host {
	hosts := make([]*inventory.Host, len(names))
	for i, n := range names {
		hosts[i] = &inventory.Host{Name: n}
	}
	return hosts
}

func names(hosts []*inventory.Host) []string {
	out := make([]string, len(hosts))
	for i, h := range hosts {
		out[i] = h.Name
	}
	return out
}

// TestShardSlices: slices follow sorted names, keep the input's order
// inside a slice, and differ in size by at most one.
func TestShardSlices(t *testing.T) {
	hosts := hostList("web-03", "db-01", "web-01", "cache-01", "web-02")
	// sorted: cache-01 db-01 web-01 web-02 web-03
	tests := []struct {
		s    shard
		want []string
	}{
		{shard{1, 1}, []string{"web-03", "db-01", "web-01", "cache-01", "web-02"}},
		{shard{1, 2}, []string{"db-01", "cache-01"}},
		{shard{2, 2}, []string{"web-03", "web-01", "web-02"}},
		{shard{1, 5}, []string{"cache-01"}},
		{shard{5, 5}, []string{"web-03"}},
		{shard{1, 7}, nil}, // more slices than hosts: some are empty
		{shard{7, 7}, []string{"web-03"}},
	}
	for _, tt := range tests {
		if got := names(tt.s.hosts(hosts)); !slices.Equal(got, tt.want) {
			t.Errorf("shard %d/%d = %v, want %v", tt.s.index, tt.s.of, got, tt.want)
		}
	}
}

// TestShardsCoverEveryHostOnce: for any host count and any N, the N
// slices together hold every host exactly once, whatever the input order.
func TestShardsCoverEveryHostOnce(t *testing.T) {
	for _, count := range []int{0, 1, 2, 7, 10, 200, 1001} {
		var all []string
		for i := range count {
			all = append(all, fmt.Sprintf("h%04d", (i*7919)%10007)) // unsorted input
		}
		for _, n := range []int{1, 2, 3, 8, 64, 2000} {
			seen := map[string]int{}
			minSize, maxSize := count, 0
			for i := 1; i <= n; i++ {
				slice := (shard{i, n}).hosts(hostList(all...))
				minSize, maxSize = min(minSize, len(slice)), max(maxSize, len(slice))
				for _, h := range slice {
					seen[h.Name]++
				}
			}
			if len(seen) != count {
				t.Errorf("%d hosts, %d shards: %d hosts covered", count, n, len(seen))
			}
			for name, k := range seen {
				if k != 1 {
					t.Errorf("%d hosts, %d shards: %s in %d shards", count, n, name, k)
				}
			}
			if count > 0 && maxSize-minSize > 1 {
				t.Errorf("%d hosts, %d shards: slice sizes from %d to %d", count, n, minSize, maxSize)
			}
		}
	}
}
