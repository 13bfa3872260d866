package modules

import (
	"fmt"
	"strings"
	"testing"
)

// apkHostState is /etc/apk/world and /lib/apk/db/installed of a host
// with n packages: what an apk step's check reads and parses.
func apkHostState(n int) (world, installed string) {
	var w, db strings.Builder
	for i := range n {
		fmt.Fprintf(&w, "pkg-%03d\n", i)
		fmt.Fprintf(&db, "C:Q1abc=\nP:pkg-%03d\nV:1.%d.0_p1-r%d\nA:x86_64\nD:so:libc.musl-x86_64.so.1 pkg-%03d\np:cmd:pkg-%03d=1.0\n\n", i, i, i%3, (i+1)%n, i)
	}
	return w.String(), db.String()
}

// BenchmarkApkParse parses the world and the installed database of a
// small and a large host.
func BenchmarkApkParse(b *testing.B) {
	for _, n := range []int{20, 500} {
		world, installed := apkHostState(n)
		b.Run(fmt.Sprintf("packages=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if len(parseWorld(world)) != n || len(parseInstalled(installed).versions) != n {
					b.Fatal("wrong package count")
				}
			}
		})
	}
}
