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

// TestParseApkConstraint: names with dashes and digits, versions with
// _p and -r parts, tags; the split is at the operator, never at a dash.
func TestParseApkConstraint(t *testing.T) {
	tests := []struct {
		in   string
		want apkConstraint
	}{
		{"sb-hello", apkConstraint{Name: "sb-hello"}},
		{"sb-hello=1.0-r0", apkConstraint{Name: "sb-hello", Op: "=", Version: "1.0-r0"}},
		{"sb-extra=1.0_p1-r0", apkConstraint{Name: "sb-extra", Op: "=", Version: "1.0_p1-r0"}},
		{"py3-foo-2-bar~2.1", apkConstraint{Name: "py3-foo-2-bar", Op: "~", Version: "2.1"}},
		{"gtk+3.0>=3.24.41-r0", apkConstraint{Name: "gtk+3.0", Op: ">=", Version: "3.24.41-r0"}},
		{"lib-r1<2", apkConstraint{Name: "lib-r1", Op: "<", Version: "2"}},
		{"openssl1.1-compat>1.1.1w-r1", apkConstraint{Name: "openssl1.1-compat", Op: ">", Version: "1.1.1w-r1"}},
		{"x<=1.2.3_alpha2_pre1-r10", apkConstraint{Name: "x", Op: "<=", Version: "1.2.3_alpha2_pre1-r10"}},
		{"bar@edge", apkConstraint{Name: "bar", Tag: "edge"}},
		{"bar=1.2-r3@testing", apkConstraint{Name: "bar", Op: "=", Version: "1.2-r3", Tag: "testing"}},
		{"so:libc.musl-x86_64.so.1", apkConstraint{Name: "so:libc.musl-x86_64.so.1"}},
		{"cmd:sb-hello", apkConstraint{Name: "cmd:sb-hello"}},
		{"0ad", apkConstraint{Name: "0ad"}},
		{".build-deps=20261121.194512", apkConstraint{Name: ".build-deps", Op: "=", Version: "20261121.194512"}},
	}
	for _, tt := range tests {
		got, ok := parseApkConstraint(tt.in)
		if !ok || got != tt.want {
			t.Errorf("parseApkConstraint(%q) = %+v, %v; want %+v", tt.in, got, ok, tt.want)
		}
		if ok && got.String() != tt.in {
			t.Errorf("%q prints back as %q", tt.in, got.String())
		}
	}
	for _, bad := range []string{"", "-rf", "a b", "a;b", "$(id)", "a/b", "a\nb", "name=", "=1.0",
		"name==1.0", "name=1.0 ", "name=abc", "name@", "name@a b", "name=1.0-r", "so:", "x:y", "name~", "n='1'"} {
		if c, ok := parseApkConstraint(bad); ok {
			t.Errorf("%q accepted as %+v", bad, c)
		}
	}
}

// TestParseSimulation reads apk's own progress lines (as apk-tools 2.14
// prints them) and its errors.
func TestParseSimulation(t *testing.T) {
	out := `(1/5) Installing sb-lib (1.0-r0)
(2/5) Upgrading sb-hello (1.0-r0 -> 1.1-r0)
(3/5) Downgrading py3-x-2 (2.0_p1-r1 -> 1.9-r0)
(4/5) Purging sb-app (1.0-r0)
(5/5) Installing .build-deps (20261121.193747)
OK: 8 MiB in 15 packages
exit 0
`
	acts, problem := parseSimulation(out)
	if problem != "" {
		t.Fatalf("problem %q", problem)
	}
	var lines []string
	for _, a := range acts {
		lines = append(lines, a.String())
	}
	want := []string{"+ sb-lib 1.0-r0", "~ sb-hello 1.0-r0 → 1.1-r0", "~ py3-x-2 2.0_p1-r1 → 1.9-r0 (downgrade)",
		"- sb-app 1.0-r0", "+ .build-deps 20261121.193747"}
	if !slices.Equal(lines, want) {
		t.Errorf("actions:\n%q\nwant\n%q", lines, want)
	}
	_, problem = parseSimulation("ERROR: unable to select packages:\n  nosuch (no such package):\n    required by: world[nosuch]\nexit 1\n")
	if want := "ERROR: unable to select packages:; nosuch (no such package):; required by: world[nosuch]"; problem != want {
		t.Errorf("problem %q, want %q", problem, want)
	}
	if _, problem = parseSimulation("exit 99\n"); problem != "apk exit 99" {
		t.Errorf("a bare failure: problem %q", problem)
	}
}

func TestParseInstalled(t *testing.T) {
	db := parseInstalled("C:Q1x=\nP:sb-mta\nV:1.0-r0\np:sb-mail-agent=1.0 cmd:sb-mta=1.0-r0\n\nP:.vv\nV:20261121.1\nD:sb-lib sb-hello\n\nP:sb-extra\nV:1.0_p1-r0\n")
	if db.versions["sb-extra"] != "1.0_p1-r0" || db.versions["sb-mta"] != "1.0-r0" {
		t.Errorf("versions %v", db.versions)
	}
	for _, n := range []string{"sb-mta", "sb-mail-agent", "cmd:sb-mta", ".vv", "sb-extra"} {
		if !db.provides(n) {
			t.Errorf("%s not provided", n)
		}
	}
	if db.provides("sb-lib") {
		t.Error("a dependency counted as installed")
	}
	if !slices.Equal(db.deps[".vv"], []string{"sb-hello", "sb-lib"}) {
		t.Errorf("deps %v", db.deps)
	}
}

func TestRepositoryLines(t *testing.T) {
	got := addRepositoryLines("/mnt/repo\n# comment", []string{"/mnt/repo", "@extra /mnt/repo/extra"})
	if want := "/mnt/repo\n# comment\n@extra /mnt/repo/extra\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
