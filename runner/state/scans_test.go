package state

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/runner/scan"
)

func TestScansRoundTrip(t *testing.T) { eachBackend(t, testScansRoundTrip) }

func testScansRoundTrip(t *testing.T, location string) {
	st, err := Open(location)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := st.PreviousScan(ctx, "none"); !errors.Is(err, ErrNoScan) {
		t.Errorf("no scans yet: %v", err)
	}

	// Times whose RFC 3339 forms would sort wrongly as strings: a whole
	// second sorts after a fraction of it ("05Z" > "05.5Z").
	base := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	first := scan.Record{ID: "s1", StartedAt: base, FinishedAt: base.Add(time.Second), Hosts: []scan.RecordHost{
		{Host: "a", RoundTrips: 1, Findings: []scan.RecordFinding{
			{Check: "scripts", Path: "/x.sh", Line: 1, Col: 1, Rule: "shebang-bash", Severity: "error", Message: "m", Suggestion: "s"},
			{Check: "packages", Path: "/var/lib/dpkg/status", Rule: "package-renamed", Severity: "info", Message: "p"},
		}},
		{Host: "b", Error: "dial tcp: refused"},
	}}
	second := scan.Record{ID: "s2", StartedAt: base.Add(500 * time.Millisecond), FinishedAt: base.Add(2 * time.Second), Hosts: []scan.RecordHost{
		{Host: "a", RoundTrips: 1, Findings: []scan.RecordFinding{{Check: "shells", Path: "/etc/passwd", Line: 3, Col: 30, Rule: "login-shell-bash", Severity: "warning", Message: "w"}}},
	}}
	for _, r := range []scan.Record{first, second} {
		if err := st.SaveScan(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveScan(ctx, first); err == nil {
		t.Error("saving a scan id twice: no error")
	}

	got, err := st.Scan(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Hosts, first.Hosts) || !got.StartedAt.Equal(first.StartedAt) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, first)
	}
	if _, err := st.Scan(ctx, "nosuch"); !errors.Is(err, ErrNoScan) {
		t.Errorf("unknown scan: %v", err)
	}

	if prev, err := st.PreviousScan(ctx, "s2"); err != nil || prev != "s1" {
		t.Errorf("scan before s2: %q, %v; want s1", prev, err)
	}
	if _, err := st.PreviousScan(ctx, "s1"); !errors.Is(err, ErrNoScan) {
		t.Errorf("scan before the first: %v", err)
	}

	hist, err := st.ScanHistory(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []scan.Summary{
		{ID: "s1", StartedAt: first.StartedAt, Hosts: 2, Failed: 1, Errors: 1, Infos: 1},
		{ID: "s2", StartedAt: second.StartedAt, Hosts: 1, Warnings: 1},
	}
	if !reflect.DeepEqual(hist, want) {
		t.Errorf("history\n%+v\nwant\n%+v", hist, want)
	}
	if hist, _ := st.ScanHistory(ctx, 1); len(hist) != 1 || hist[0].ID != "s2" {
		t.Errorf("history of 1: %+v, want the newest", hist)
	}
}
