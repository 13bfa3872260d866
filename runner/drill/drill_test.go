package drill

import (
	"slices"
	"testing"
)

// TestParse: records split by the token whatever the names hold
// (newlines, "|", quotes, " -> "), links keep their targets, files their
// sums.
func TestParse(t *testing.T) {
	tok := "@fpX"
	out := tok + " 41ed 0 0 2 4096|/srv|/srv\n" +
		tok + " 81a4 0 0 1 3|/srv/a\nb|c|/srv/a\nb|c\n" +
		tok + " a1ff 0 0 1 5|/srv/l -> x|'/srv/l -> x' -> '../t'\n" +
		tok + " sums\n" +
		tok + " 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n/srv/a\nb|c\n"
	fp, err := parse(out, tok)
	if err != nil {
		t.Fatal(err)
	}
	want := Fingerprint{
		"/srv":        "040755 0:0",
		"/srv/a\nb|c": "100644 0:0 links 1 size 3 sha256 0123456789abcdef",
		"/srv/l -> x": `120777 0:0 -> "../t"`,
	}
	if len(fp) != len(want) {
		t.Fatalf("got %q", fp)
	}
	for k, v := range want {
		if fp[k] != v {
			t.Errorf("%q: %q, want %q", k, fp[k], v)
		}
	}
}

func TestCompareAndSuggest(t *testing.T) {
	before := Fingerprint{"/etc/motd": "a", "/opt/tool/bin/x": "1", "/srv/gone": "g"}
	after := Fingerprint{"/etc/motd": "a", "/opt/tool/bin/x": "2", "/opt/tool/conf/y": "n", "/srv/new": "n"}
	diffs := Compare(before, after)
	var paths []string
	for _, d := range diffs {
		paths = append(paths, d.Path)
	}
	if !slices.Equal(paths, []string{"/opt/tool/bin/x", "/opt/tool/conf/y", "/srv/gone", "/srv/new"}) {
		t.Errorf("diffs %v", paths)
	}
	if got := Suggest(diffs); !slices.Equal(got, []string{"/opt/tool", "/srv/gone", "/srv/new"}) {
		t.Errorf("suggested %v", got)
	}
}
