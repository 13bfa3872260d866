package playbooks_test

import (
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// BenchmarkLoad measures what every validate, plan and run pays before
// touching a host: parsing, variables, and decoding every step. The
// parser caches files by name, so each iteration gets a new one.
func BenchmarkLoad(b *testing.B) {
	for _, path := range []string{
		"../testdata/bench/convert.hcl", // 11 steps, every common type
		"examples/alpine-base.hcl",      // variables and functions
		"examples/waves-demo.hcl",       // rollout and snapshot blocks
	} {
		b.Run(filepath.Base(path), func(b *testing.B) {
			registry := modules.Builtin()
			b.ReportAllocs()
			for b.Loop() {
				l := &playbooks.Loader{Parser: hclparse.NewParser(), Registry: registry, Snapshots: snapshot.Builtin()}
				pb, diags := l.Load(path, nil)
				if diags.HasErrors() {
					b.Fatal(diags.Error())
				}
				if pb.StepCount() == 0 {
					b.Fatal("no steps")
				}
			}
		})
	}
}
