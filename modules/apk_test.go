package modules

import (
	"slices"
	"testing"
)

func TestWorldNames(t *testing.T) {
	world := "alpine-baselayout\napk-tools\nsb-hello=1.0-r0\npy3-foo>=2.1_p3-r1\nbar@edge\n!forbidden\nlibc-utils\nc++-lib~1.2\n"
	want := []string{"alpine-baselayout", "apk-tools", "sb-hello", "py3-foo", "bar", "libc-utils", "c++-lib"}
	if got := worldNames(world); !slices.Equal(got, want) {
		t.Errorf("worldNames = %v, want %v", got, want)
	}
}

func TestApkNames(t *testing.T) {
	for _, ok := range []string{"sb-hello", "py3-foo", "c++", "gtk+3.0", "lib_x", "0ad"} {
		if !apkName.MatchString(ok) {
			t.Errorf("%q refused", ok)
		}
	}
	for _, bad := range []string{"", "-rf", "a b", "a;b", "$(id)", "a/b", "a\nb", "a=1.0"} {
		if apkName.MatchString(bad) {
			t.Errorf("%q accepted", bad)
		}
	}
}
