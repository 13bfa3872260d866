package transport

import (
	"bytes"
	"testing"
)

// The first line of stderr is the transport's own (the process group of
// the command); what a command prints, marker-like or not, passes on.
func TestGroupSnifferTakesOnlyTheFirstLine(t *testing.T) {
	for _, tc := range []struct {
		name   string
		writes []string
		group  int
		rest   string
	}{
		{"marker then output", []string{"switchback-pgid 42\nboom\n"}, 42, "boom\n"},
		{"marker in pieces", []string{"switchback-", "pgid 4", "2\nboom"}, 42, "boom"},
		{"a command's spoofed marker passes", []string{"switchback-pgid 42\n", "switchback-pgid 1\n"}, 42, "switchback-pgid 1\n"},
		{"no marker first: kept", []string{"warning: x\nswitchback-pgid 7\n"}, 0, "warning: x\nswitchback-pgid 7\n"},
		{"long first line: kept", []string{string(bytes.Repeat([]byte("x"), 100))}, 0, string(bytes.Repeat([]byte("x"), 100))},
		{"garbage pid", []string{"switchback-pgid 1;kill\nrest"}, 0, "rest"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rest bytes.Buffer
			g := &groupSniffer{rest: &rest}
			for _, w := range tc.writes {
				if n, err := g.Write([]byte(w)); n != len(w) || err != nil {
					t.Fatalf("Write = %d, %v", n, err)
				}
			}
			if g.pgid() != tc.group || rest.String() != tc.rest {
				t.Errorf("group %d, rest %q; want %d, %q", g.pgid(), rest.String(), tc.group, tc.rest)
			}
		})
	}
}

// FuzzGroupSniffer: whatever a host writes, in whatever pieces, a group
// is only ever read from a stream that starts with the marker, and what
// passes on is the rest of the stream, untouched. (A group below 2 is
// never killed: see killGroup; kill -9 -1 would mean every process.)
func FuzzGroupSniffer(f *testing.F) {
	f.Add([]byte("switchback-pgid 42\nboom\n"), uint8(5))
	f.Add([]byte("switchback-pgid -1\n"), uint8(3))
	f.Add([]byte("switchback-pgid 0\n\x1b[31m"), uint8(1))
	f.Add([]byte("\n\n\n"), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, cut uint8) {
		var rest bytes.Buffer
		g := &groupSniffer{rest: &rest}
		step := int(cut)%17 + 1
		for i := 0; i < len(data); i += step {
			_, _ = g.Write(data[i:min(i+step, len(data))])
		}
		if g.pgid() != 0 && !bytes.HasPrefix(data, []byte(groupMarker)) {
			t.Fatalf("group %d taken from %q", g.pgid(), data)
		}
		// What passes on is the input, from some point to its end:
		// nothing is invented, and only a head is ever taken.
		if !bytes.HasSuffix(data, rest.Bytes()) {
			t.Fatalf("rest %q is not the end of %q", rest.Bytes(), data)
		}
	})
}
