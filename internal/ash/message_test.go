package ash

import (
	"strings"
	"testing"
)

// TestSurfaceMessages: a finding from a probe says what the probe showed
// (the first line that differs, the statuses) and names an applet's
// situation in words, with a suggestion of its own.
func TestSurfaceMessages(t *testing.T) {
	for _, tc := range []struct {
		script           string
		message, suggest []string
	}{
		{
			script:  "echo old > key.pem\nchmod 600 key.pem\ncp new.pem key.pem\n",
			message: []string{"`cp onto a file that exists`", `BusyBox's prints "-rw-r--r--" where GNU's prints "-rw-------"`},
			suggest: []string{"cat SRC > DEST"},
		},
		{
			script:  "clear\n",
			message: []string{"`clear without TERM", "status is 0 (bash 1)"},
			suggest: []string{"[ -t 1 ] && clear"},
		},
		{
			script:  "ps -ef | awk '{print $2}'\n",
			message: []string{"`ps -f`", `BusyBox's prints "pid column 1" where GNU's prints "pid column 2"`},
			suggest: []string{"busybox APPLET --help"},
		},
	} {
		fs := Analyze("s.sh", []byte("#!/bin/sh\n"+tc.script))
		var all []string
		found := false
		for _, f := range fs {
			all = append(all, f.Message+" | "+f.Suggestion)
			if containsAll(f.Message, tc.message) && containsAll(f.Suggestion, tc.suggest) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no finding says %q with a suggestion %q; got:\n  %s", tc.script, tc.message, tc.suggest, strings.Join(all, "\n  "))
		}
	}
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
