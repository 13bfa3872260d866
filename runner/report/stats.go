package report

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/switchbackhq/switchback/runner/state"
)

// StatsSource is what run statistics are read from: the state store.
type StatsSource interface {
	PhaseSamples(ctx context.Context, f state.StatsFilter) ([]state.PhaseSample, error)
	RunCounts(ctx context.Context, f state.StatsFilter) (state.RunCounts, error)
}

// Stats are the figures of a migration train over recorded runs.
type Stats struct {
	Playbook string    `json:"playbook,omitempty"`
	Since    time.Time `json:"since"`
	Runs     int       `json:"runs"`
	// Finished runs ran to their end; Halted stopped early (a threshold
	// crossed, or an operator's interrupt).
	Finished int `json:"finished"`
	Halted   int `json:"halted"`
	// Hosts counts hosts over the runs; Touched those changed (or whose
	// change was attempted); RolledBack those restored from a snapshot.
	Hosts          int `json:"hosts"`
	Touched        int `json:"hosts_changed"`
	RolledBack     int `json:"hosts_rolled_back"`
	RollbackFailed int `json:"rollbacks_failed"`
	// UnplannedRollbackRate is RolledBack / Touched: switchback rolls a
	// host back only when something went wrong, so every rollback is
	// unplanned. Null when no host was changed.
	UnplannedRollbackRate *float64     `json:"unplanned_rollback_rate"`
	Phases                []PhaseStats `json:"phases"`
}

// PhaseStats are one phase's figures: each sample is one host's pass
// through the phase in one run.
type PhaseStats struct {
	Phase       string  `json:"phase"`
	Samples     int     `json:"samples"`
	MeanSeconds float64 `json:"mean_seconds"`
	P95Seconds  float64 `json:"p95_seconds"`
	Failed      int     `json:"failed"`
	FailureRate float64 `json:"failure_rate"`
}

// ComputeStats reads the runs f selects from src and works out the
// figures.
func ComputeStats(ctx context.Context, src StatsSource, f state.StatsFilter) (*Stats, error) {
	counts, err := src.RunCounts(ctx, f)
	if err != nil {
		return nil, err
	}
	samples, err := src.PhaseSamples(ctx, f)
	if err != nil {
		return nil, err
	}
	s := &Stats{Playbook: f.Playbook, Since: f.Since, Runs: counts.Runs, Finished: counts.Finished, Halted: counts.Halted,
		Hosts: counts.Hosts, Touched: counts.Touched, RolledBack: counts.RolledBack, RollbackFailed: counts.RollbackFailed}
	if counts.Touched > 0 {
		rate := float64(counts.RolledBack+counts.RollbackFailed) / float64(counts.Touched)
		s.UnplannedRollbackRate = &rate
	}
	byPhase := map[string][]state.PhaseSample{}
	var seen []string
	for _, p := range samples {
		if _, ok := byPhase[p.Phase]; !ok {
			seen = append(seen, p.Phase)
		}
		byPhase[p.Phase] = append(byPhase[p.Phase], p)
	}
	// The newest run's order first; phases it no longer has after, by name.
	order := slices.Clone(counts.Phases)
	var rest []string
	for _, p := range seen {
		if !slices.Contains(order, p) {
			rest = append(rest, p)
		}
	}
	sort.Strings(rest)
	for _, phase := range append(order, rest...) {
		ps := byPhase[phase]
		if len(ps) == 0 {
			continue
		}
		secs := make([]float64, len(ps))
		st := PhaseStats{Phase: phase, Samples: len(ps)}
		sum := 0.0
		for i, p := range ps {
			secs[i] = p.Duration.Seconds()
			sum += secs[i]
			if p.Failed {
				st.Failed++
			}
		}
		st.MeanSeconds = sum / float64(len(ps))
		st.P95Seconds = percentile(secs, 95)
		st.FailureRate = float64(st.Failed) / float64(len(ps))
		s.Phases = append(s.Phases, st)
	}
	return s, nil
}

// percentile is the nearest-rank percentile: the smallest sample that
// at least p% of the samples do not exceed.
func percentile(values []float64, p float64) float64 {
	if len(values) == 0 {
		return 0
	}
	v := slices.Clone(values)
	slices.Sort(v)
	rank := int(math.Ceil(p / 100 * float64(len(v))))
	return v[min(max(rank, 1), len(v))-1]
}

// WriteStatsText prints the figures for people.
func WriteStatsText(w io.Writer, s *Stats) error {
	scope := "all playbooks"
	if s.Playbook != "" {
		scope = fmt.Sprintf("playbook %q", s.Playbook)
	}
	fmt.Fprintf(w, "Runs of %s since %s (check-mode runs left out): %d run(s), %d halted, %d unfinished\n",
		scope, s.Since.Local().Format("2006-01-02 15:04"), s.Runs, s.Halted, s.Runs-s.Finished)
	rate := "n/a (no host changed)"
	if s.UnplannedRollbackRate != nil {
		rate = fmt.Sprintf("%.1f%%", 100**s.UnplannedRollbackRate)
	}
	fmt.Fprintf(w, "Hosts: %d, changed %d, rolled back %d", s.Hosts, s.Touched, s.RolledBack)
	if s.RollbackFailed > 0 {
		fmt.Fprintf(w, ", rollback failed %d", s.RollbackFailed)
	}
	fmt.Fprintf(w, "; unplanned rollback rate %s\n", rate)
	if len(s.Phases) == 0 {
		_, err := fmt.Fprintln(w, "\nNo step results in these runs.")
		return err
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "PHASE\tSAMPLES\tMEAN\tP95\tFAILED\tFAILURE RATE\t")
	for _, p := range s.Phases {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%.1f%%\t\n", Printable(p.Phase), p.Samples, secondsText(p.MeanSeconds), secondsText(p.P95Seconds),
			p.Failed, 100*p.FailureRate)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\nA sample is one host's pass through a phase in one run; its time is the sum of its steps' times.")
	return err
}

func secondsText(s float64) string {
	return span(time.Duration(s * float64(time.Second)))
}

// WriteStatsJSON prints the figures as one JSON object.
func WriteStatsJSON(w io.Writer, s *Stats) error {
	if s.Phases == nil {
		s.Phases = []PhaseStats{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
