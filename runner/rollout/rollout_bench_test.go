package rollout

import (
	"fmt"
	"testing"
)

// BenchmarkWaveSizes splits fleets of growing size into waves, as every
// plan and run does once per segment.
func BenchmarkWaveSizes(b *testing.B) {
	r := Route{Strategy: Waves, Sizes: []Size{MustParseSize("1"), MustParseSize("10%"), MustParseSize("25%"), MustParseSize("100%")}}.Resolve()
	for _, n := range []int{10, 200, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if len(r.WaveSizes(n)) == 0 {
					b.Fatal("no waves")
				}
			}
		})
	}
}

// BenchmarkWaveSizesSmallSteps is the worst case: a 1% size repeats,
// making a hundred waves.
func BenchmarkWaveSizesSmallSteps(b *testing.B) {
	r := Route{Strategy: Waves, Sizes: []Size{MustParseSize("1%")}}.Resolve()
	b.ReportAllocs()
	for b.Loop() {
		if len(r.WaveSizes(10000)) != 100 {
			b.Fatal("want 100 waves")
		}
	}
}

// BenchmarkThreshold is the arithmetic of every finished host that
// failed: a wave's and a run's tolerance.
func BenchmarkThreshold(b *testing.B) {
	for _, text := range []string{"3", "10%", "12.5%"} {
		t := MustParseThreshold(text)
		b.Run(text, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = t.Exceeded(5, 200)
			}
		})
	}
}
