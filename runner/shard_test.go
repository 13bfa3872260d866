package runner

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
		want    Shard
		wantErr string
	}{
		{"1/1", Shard{1, 1}, ""},
		{"3/8", Shard{3, 8}, ""},
		{" 2 / 4 ", Shard{2, 4}, ""},
		{"0/4", Shard{}, "between 1 and N"},
		{"5/4", Shard{}, "between 1 and N"},
		{"1/0", Shard{}, "between 1 and N"},
		{"-1/4", Shard{}, "between 1 and N"},
		{"2", Shard{}, "write I/N"},
		{"a/b", Shard{}, "write I/N"},
		{"1/2/3", Shard{}, "write I/N"},
	}
	for _, tt := range tests {
		got, err := ParseShard(tt.in)
		switch {
		case tt.wantErr == "" && (err != nil || got != tt.want):
			t.Errorf("ParseShard(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("ParseShard(%q) error %v, want one containing %q", tt.in, err, tt.wantErr)
		}
	}
}

func shardHosts(names ...string) []*inventory.Host {
	hosts := make([]*inventory.Host, len(names))
	for i, n := range names {
		hosts[i] = &inventory.Host{Name: n}
	}
	return hosts
}

func hostNamesOf(hosts []*inventory.Host) []string {
	out := make([]string, len(hosts))
	for i, h := range hosts {
		out[i] = h.Name
	}
	return out
}

// TestShardSlices: slices follow sorted names, keep the input's order
// inside a slice, and differ in size by at most one.
func TestShardSlices(t *testing.T) {
	hosts := shardHosts("web-03", "db-01", "web-01", "cache-01", "web-02")
	// sorted: cache-01 db-01 web-01 web-02 web-03
	tests := []struct {
		s    Shard
		want []string
	}{
		{Shard{1, 1}, []string{"web-03", "db-01", "web-01", "cache-01", "web-02"}},
		{Shard{1, 2}, []string{"db-01", "cache-01"}},
		{Shard{2, 2}, []string{"web-03", "web-01", "web-02"}},
		{Shard{1, 5}, []string{"cache-01"}},
		{Shard{5, 5}, []string{"web-03"}},
		{Shard{1, 7}, nil}, // more slices than hosts: some are empty
		{Shard{7, 7}, []string{"web-03"}},
	}
	for _, tt := range tests {
		if got := hostNamesOf(tt.s.Hosts(hosts)); !slices.Equal(got, tt.want) {
			t.Errorf("shard %d/%d = %v, want %v", tt.s.Index, tt.s.Of, got, tt.want)
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
				slice := (Shard{i, n}).Hosts(shardHosts(all...))
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
