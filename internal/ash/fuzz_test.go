package ash

import (
	"slices"
	"testing"
)

// FuzzAnalyze: any input gives findings in order and never a panic.
func FuzzAnalyze(f *testing.F) {
	for _, src := range readCorpus(f) {
		f.Add(src)
	}
	for _, r := range rules {
		f.Add([]byte(r.Probe))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fs := Analyze("fuzz.sh", src)
		if !slices.IsSortedFunc(fs, func(a, b Finding) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Col - b.Col
		}) {
			t.Errorf("findings out of order: %v", fs)
		}
		for _, f := range fs {
			if f.Rule == "" || f.Severity.Rank() == 0 || f.Line < 1 || f.Col < 1 {
				t.Errorf("malformed finding %+v", f)
			}
		}
	})
}
