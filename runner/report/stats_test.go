package report

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/runner/state"
)

// TestStatsFromRecordedRuns: two recorded runs of the halted shape (6
// hosts, 2 of them rolled back each time) and the 200-host run give
// the figures worked out by hand.
func TestStatsFromRecordedRuns(t *testing.T) {
	second := haltedRun()
	second.ID = "20261120T093000Z-again"
	st := synthStore(t, haltedRun(), second, bigRun())
	s, err := ComputeStats(context.Background(), st, state.StatsFilter{Playbook: "convert", Since: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if s.Runs != 2 || s.Halted != 2 || s.Hosts != 12 || s.Touched != 6 || s.RolledBack != 4 {
		t.Errorf("counts %+v", s)
	}
	if s.UnplannedRollbackRate == nil || math.Abs(*s.UnplannedRollbackRate-4.0/6) > 1e-9 {
		t.Errorf("unplanned rollback rate %v, want 4/6", s.UnplannedRollbackRate)
	}
	var got []string
	for _, p := range s.Phases {
		got = append(got, fmt.Sprintf("%s:%d/%d", p.Phase, p.Failed, p.Samples))
	}
	// host-01..03 pass packages twice; host-03 fails services both times
	// and never reaches files.
	if want := "packages:0/6 services:2/6 files:0/4"; strings.Join(got, " ") != want {
		t.Errorf("phases %s, want %s", strings.Join(got, " "), want)
	}
	for _, p := range s.Phases {
		if p.MeanSeconds <= 0 || p.P95Seconds < p.MeanSeconds*0.5 {
			t.Errorf("%s: mean %.3f p95 %.3f", p.Phase, p.MeanSeconds, p.P95Seconds)
		}
	}
	var text, js strings.Builder
	if err := WriteStatsText(&text, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "unplanned rollback rate 66.7%") || !strings.Contains(text.String(), "services") {
		t.Errorf("text:\n%s", text.String())
	}
	if err := WriteStatsJSON(&js, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), `"phase": "services",`) || !strings.Contains(js.String(), `"failure_rate": 0.3333333333333333`) {
		t.Errorf("json:\n%s", js.String())
	}
}

// TestPercentile: nearest rank, checked on data whose answer is known.
func TestPercentile(t *testing.T) {
	var v []float64
	for i := 100; i >= 1; i-- {
		v = append(v, float64(i))
	}
	for _, tc := range []struct {
		in   []float64
		p    float64
		want float64
	}{{v, 95, 95}, {v, 100, 100}, {v, 1, 1}, {[]float64{7}, 95, 7}, {[]float64{1, 2}, 95, 2}, {nil, 95, 0}} {
		if got := percentile(tc.in, tc.p); got != tc.want {
			t.Errorf("p%v of %d values = %v, want %v", tc.p, len(tc.in), got, tc.want)
		}
	}
}
