package main

// Helpers of the fleet tests that run the command line and read its
// console output. Tests of step types live beside modules and read the
// JSON events instead (internal/steptest).

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
	"github.com/switchbackhq/switchback/runner"
)

// runOK runs switchback and fails the test unless it exits 0.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	code, out := runCLI(t, args...)
	if code != runner.ExitOK {
		t.Fatalf("switchback %s: exit %d", args[0], code)
	}
	return out
}

var recapChanged = regexp.MustCompile(`ok=(\d+) +changed=(\d+)`)

// recap returns the ok and changed counts of the single host of a run.
func recap(t *testing.T, out string) (ok, changed int) {
	t.Helper()
	m := recapChanged.FindAllStringSubmatch(out, -1)
	if len(m) != 1 {
		t.Fatalf("expected one host in the recap, found %d", len(m))
	}
	ok, _ = strconv.Atoi(m[0][1])
	changed, _ = strconv.Atoi(m[0][2])
	return ok, changed
}

func wantChanged(t *testing.T, out string, want int) {
	t.Helper()
	if _, changed := recap(t, out); changed != want {
		t.Errorf("changed=%d, want %d", changed, want)
	}
}

func wantInOutput(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
}

// diskState and sameDiskState are steptest's, under the names the CLI's
// fleet tests use.
func diskState(t *testing.T, h *fleet.Host, paths ...string) map[string]string {
	t.Helper()
	return steptest.DiskState(t, h, paths...)
}

func sameDiskState(t *testing.T, before, after map[string]string) {
	t.Helper()
	steptest.SameDiskState(t, before, after)
}
