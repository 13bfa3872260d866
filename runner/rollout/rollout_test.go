package rollout

import (
	"slices"
	"testing"
)

func TestWaveSizes(t *testing.T) {
	tests := []struct {
		sizes []string
		hosts int
		want  []int
	}{
		{[]string{"1", "25%", "50%", "100%"}, 20, []int{1, 5, 10, 4}},    // short last wave
		{[]string{"1", "10%", "50%", "100%"}, 100, []int{1, 10, 50, 39}}, // 100% of what is left
		{[]string{"1", "10%"}, 25, []int{1, 3, 3, 3, 3, 3, 3, 3, 3}},     // 2.5 rounds up; the last size repeats
		{[]string{"10%"}, 5, []int{1, 1, 1, 1, 1}},                       // at least 1
		{[]string{"2.5%"}, 200, []int{5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5}},
		{[]string{"33.3%", "100%"}, 10, []int{4, 6}}, // 3.33 rounds up to 4
		{[]string{"10%", "100%"}, 30, []int{3, 27}},  // exactly 3, not 3.0000001 → 4
		{[]string{"1", "100%"}, 1, []int{1}},         // a 1-host fleet is all canary
		{[]string{"5"}, 12, []int{5, 5, 2}},
		{[]string{"1", "100%"}, 0, nil},
	}
	for _, tt := range tests {
		r := Route{Strategy: Waves}
		for _, s := range tt.sizes {
			r.Sizes = append(r.Sizes, MustParseSize(s))
		}
		if got := r.Resolve().WaveSizes(tt.hosts); !slices.Equal(got, tt.want) {
			t.Errorf("%v of %d hosts = %v, want %v", tt.sizes, tt.hosts, got, tt.want)
		}
	}
}

func TestTolerance(t *testing.T) {
	tests := []struct {
		threshold string
		hosts     int
		tolerates int
	}{
		{"10%", 20, 2},
		{"10%", 1, 0}, // a 1-host canary tolerates nothing
		{"10%", 19, 1},
		{"10%", 30, 3}, // exact, whatever floats would say
		{"12.5%", 8, 1},
		{"12.5%", 7, 0},
		{"0%", 100, 0},
		{"100%", 7, 7},
		{"0", 20, 0},
		{"2", 20, 2},
		{"2", 1, 2}, // a count is a count, even above the wave's size
	}
	for _, tt := range tests {
		th := MustParseThreshold(tt.threshold)
		if got := th.Tolerance(tt.hosts); got != tt.tolerates {
			t.Errorf("%s of %d hosts tolerates %d, want %d", tt.threshold, tt.hosts, got, tt.tolerates)
		}
		if th.Exceeded(tt.tolerates, tt.hosts) || !th.Exceeded(tt.tolerates+1, tt.hosts) {
			t.Errorf("%s of %d hosts: the halt must come at %d failures", tt.threshold, tt.hosts, tt.tolerates+1)
		}
	}
	if Unlimited().Exceeded(1000, 10) {
		t.Error("unlimited halted")
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{"0", "-1", "0%", "abc", "10%%", "101%", "1/2%", "1e2%", ""} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("wave size %q accepted", bad)
		}
	}
	for _, bad := range []string{"-1", "x", "101%", "-5%", ""} {
		if _, err := ParseThreshold(bad); err == nil {
			t.Errorf("threshold %q accepted", bad)
		}
	}
}

func TestResolveDefaults(t *testing.T) {
	serial := Route{}.Resolve()
	if serial.Strategy != Serial || serial.Forks != 1 || serial.MaxFail.Exceeded(100, 100) || !slices.Equal(serial.WaveSizes(7), []int{7}) {
		t.Errorf("serial defaults: %+v", serial)
	}
	waves := Route{Strategy: Waves}.Resolve()
	if !slices.Equal(waves.WaveSizes(10), []int{1, 9}) || waves.Forks != DefaultForks || !waves.MaxFail.Exceeded(1, 10) || waves.Order != ByHost {
		t.Errorf("waves defaults: %+v", waves)
	}
}
