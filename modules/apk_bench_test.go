package modules

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// cannedHost answers every command with the same output: enough to
// measure how a module reads a host's answer, not for any claim about
// apk itself (the fleet tests make those).
type cannedHost struct{ out Output }

func (c cannedHost) Run(context.Context, string) (Output, error) { return c.out, nil }

// apkState is /etc/apk/world and `apk info -e` output of a host with
// world entries, the last three of which are the packages asked for.
func apkState(world int) string {
	var b strings.Builder
	for i := range world - 3 {
		fmt.Fprintf(&b, "pkg-%03d\n", i)
	}
	b.WriteString("sb-hello=1.0-r0\nsb-daemon\nsb-app@local\n")
	b.WriteString(apkWorldMarker + "\nsb-hello\nsb-daemon\nsb-app\n")
	return b.String()
}

// BenchmarkApkCheck parses the one answer an apk step's check reads, for
// a small and a large world.
func BenchmarkApkCheck(b *testing.B) {
	m := &Apk{Packages: []string{"sb-hello", "sb-daemon", "sb-app"}, State: "present"}
	for _, world := range []int{20, 500} {
		h := cannedHost{Output{Stdout: apkState(world)}}
		b.Run(fmt.Sprintf("world=%d", world), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p, err := m.Check(context.Background(), h)
				if err != nil || p.Change {
					b.Fatalf("plan %+v, err %v", p, err)
				}
			}
		})
	}
}

func BenchmarkWorldNames(b *testing.B) {
	world, _, _ := strings.Cut(apkState(500), apkWorldMarker)
	b.ReportAllocs()
	for b.Loop() {
		if len(worldNames(world)) != 500 {
			b.Fatal("want 500 names")
		}
	}
}
