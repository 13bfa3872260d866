package runner

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/switchbackhq/switchback/runner/transport"
)

func TestCapText(t *testing.T) {
	long := strings.Repeat("é", maxErrorText) + "the end"
	for _, tc := range []struct {
		name, in string
		capped   bool
	}{
		{"short", "exit 1: no such file", false},
		{"at the bound", strings.Repeat("x", maxErrorText), false},
		{"one line of megabytes", strings.Repeat("x", 20<<20) + "\nERROR: the real reason", true},
		{"multibyte cut", long, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := capText(tc.in)
			if !tc.capped {
				if got != tc.in {
					t.Fatalf("changed a text within the bound")
				}
				return
			}
			if len(got) > maxErrorText+64 {
				t.Errorf("%d bytes, want about %d", len(got), maxErrorText)
			}
			if !utf8.ValidString(got) {
				t.Error("cut inside a character")
			}
			if !strings.HasSuffix(got, tc.in[len(tc.in)-20:]) || !strings.HasPrefix(got, tc.in[:20]) || !strings.Contains(got, "bytes not shown") {
				t.Errorf("the beginning, the end or the notice is missing: %.60q ... %.60q", got[:60], got[len(got)-60:])
			}
		})
	}
}

// A capped error is still what it was: an unreachable host stays
// unreachable.
func TestCapErrKeepsTheError(t *testing.T) {
	err := &transport.UnreachableError{Host: "h", Err: errors.New(strings.Repeat("x", 1<<20))}
	capped := capErr(err)
	if len(capped.Error()) > maxErrorText+64 || !transport.IsUnreachable(capped) {
		t.Errorf("capped to %d bytes, unreachable %v", len(capped.Error()), transport.IsUnreachable(capped))
	}
}
