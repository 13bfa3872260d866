package ash

import (
	"slices"
	"sort"
	"testing"
)

// flagged says whether the analyzer reports a behaviour difference: at
// least one finding of severity warning or error.
func flagged(fs []Finding) bool {
	return slices.ContainsFunc(fs, func(f Finding) bool { return f.Severity.Rank() >= SeverityWarning.Rank() })
}

// TestCorpusScore measures the analyzer against the ground truth of the
// corpus (truth.json, from running every script under both shells): a
// script counts as found when it breaks under ash and the analyzer
// reports it, as a false alarm when it does not break but is reported.
func TestCorpusScore(t *testing.T) {
	corpus := readCorpus(t)
	truth := readTruth(t)
	if len(corpus) < 150 {
		t.Errorf("the corpus has %d scripts, want at least 150", len(corpus))
	}
	var tp, fp, fn, tn int
	names := make([]string, 0, len(corpus))
	for name := range corpus {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		want, ok := truth[name]
		if !ok {
			t.Errorf("%s has no ground truth: run go test -run TestDeriveTruth -update", name)
			continue
		}
		got := flagged(Analyze(name, corpus[name]))
		switch {
		case got && want.Breaks:
			tp++
		case got && !want.Breaks:
			fp++
			t.Logf("false alarm: %s: %v", name, Analyze(name, corpus[name]))
		case !got && want.Breaks:
			fn++
			t.Logf("missed: %s (ash exit %d, stderr %q; bash exit %d)", name, want.Ash.Exit, want.Ash.Stderr, want.Bash.Exit)
		default:
			tn++
		}
	}
	recall := float64(tp) / float64(tp+fn)
	precision := float64(tp) / float64(tp+fp)
	t.Logf("corpus: %d scripts, %d break under ash; recall %.3f, precision %.3f (tp=%d fp=%d fn=%d tn=%d)",
		len(names), tp+fn, recall, precision, tp, fp, fn, tn)
	// The same corpus judged on the constructs alone: scripts whose #!
	// asks for bash are scored by what their body does under ash (run
	// with /bin/sh anyway), against the findings other than bash-shebang.
	var btp, bfp, bfn int
	for _, name := range names {
		want := truth[name]
		breaks := want.Breaks
		if want.BodyBreaks != nil {
			breaks = *want.BodyBreaks
		}
		got := flagged(slices.DeleteFunc(Analyze(name, corpus[name]), func(f Finding) bool { return f.Rule == "bash-shebang" }))
		switch {
		case got && breaks:
			btp++
		case got && !breaks:
			bfp++
			t.Logf("body false alarm: %s", name)
		case !got && breaks:
			bfn++
			t.Logf("body missed: %s", name)
		}
	}
	bodyRecall := float64(btp) / float64(btp+bfn)
	bodyPrecision := float64(btp) / float64(btp+bfp)
	t.Logf("constructs only (bash scripts judged by their body): recall %.3f, precision %.3f (tp=%d fp=%d fn=%d)",
		bodyRecall, bodyPrecision, btp, bfp, bfn)
	if recall < 0.98 {
		t.Errorf("recall %.3f is below 0.98", recall)
	}
	if precision < 0.95 {
		t.Errorf("precision %.3f is below 0.95", precision)
	}
	if bodyRecall < 0.98 || bodyPrecision < 0.95 {
		t.Errorf("constructs only: recall %.3f, precision %.3f, below 0.98 / 0.95", bodyRecall, bodyPrecision)
	}
}

func BenchmarkAnalyze(b *testing.B) {
	corpus := readCorpus(b)
	names := make([]string, 0, len(corpus))
	for name := range corpus {
		names = append(names, name)
	}
	sort.Strings(names)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, name := range names {
			Analyze(name, corpus[name])
		}
	}
}
