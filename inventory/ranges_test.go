package inventory

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestExpandRanges(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{"web01", []string{"web01"}},
		{"web[1:3]", []string{"web1", "web2", "web3"}},
		{"web[01:03].example.com", []string{"web01.example.com", "web02.example.com", "web03.example.com"}},
		{"web[08:11]", []string{"web08", "web09", "web10", "web11"}},
		{"db-[a:c]", []string{"db-a", "db-b", "db-c"}},
		{"db-[X:Z]", []string{"db-X", "db-Y", "db-Z"}},
		{"www[01:09:4]", []string{"www01", "www05", "www09"}},
		{"[a:b]-[1:2]", []string{"a-1", "a-2", "b-1", "b-2"}},
		{"n[0:0]", []string{"n0"}},
		{"n[7:7]", []string{"n7"}},
		{"web]", []string{"web]"}},
	}
	for _, tt := range tests {
		got, err := expandRanges(tt.pattern)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("expandRanges(%q) = %v, %v; want %v", tt.pattern, got, err, tt.want)
		}
	}
}

func TestExpandRangesErrors(t *testing.T) {
	tests := []struct {
		pattern, want string
		start, end    int // what the error points at
	}{
		{"web[20:01]", "runs backwards; write [01:20]", 3, 10},
		{"db-[f:a]", "runs backwards; write [a:f]", 3, 8},
		{"db-[a:9]", "mixes a number and a letter", 3, 8},
		{"db-[a:F]", "mixes lower and upper case", 3, 8},
		{"web[01:100]", "zero-padded to 2 digits", 3, 11},
		{"web[1:]", "needs both a start and an end", 3, 7},
		{"web[:5]", "needs both a start and an end", 3, 7},
		{"web[1:5:0]", "step of [1:5:0] must be a whole number of at least 1", 3, 10},
		{"web[1:5:x]", "step", 3, 10},
		{"web[1:2:3:4]", "not a host range", 3, 12},
		{"web[1]", "not a host range", 3, 6},
		{"web[aa:zz]", "not a host range", 3, 10},
		{"web[01:20", "never closes it", 3, 9},
		{"a[1:2]b[x:1]", "mixes a number and a letter", 7, 12},
		{"web[0:100000]", "more than 100000", 3, 13},
		{"a[0:999]b[0:999]", "expands to 1000000 hosts", 1, 16},
		{"web[0:99999999999999999999]", "more than 100000", 3, 27},
		{"web[0:9223372036854775807:9223372036854775807]", "", -1, -1},
	}
	for _, tt := range tests {
		got, err := expandRanges(tt.pattern)
		if tt.want == "" {
			if err != nil {
				t.Errorf("expandRanges(%q): %v", tt.pattern, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("expandRanges(%q) = %v, want an error", tt.pattern, got)
			continue
		}
		if !strings.Contains(err.msg, tt.want) || err.start != tt.start || err.end != tt.end {
			t.Errorf("expandRanges(%q) = %q at %d-%d, want %q at %d-%d", tt.pattern, err.msg, err.start, err.end, tt.want, tt.start, tt.end)
		}
	}
}

func TestExpandRangesLimit(t *testing.T) {
	got, err := expandRanges(fmt.Sprintf("h[1:%d]", maxExpandedHosts))
	if err != nil || len(got) != maxExpandedHosts {
		t.Errorf("%d hosts: %d, %v", maxExpandedHosts, len(got), err)
	}
}
