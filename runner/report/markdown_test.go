package report

import (
	"context"
	"strings"
	"testing"
)

func summary(t *testing.T, s synthRun, link string) string {
	t.Helper()
	st := synthStore(t, s)
	ev, err := LoadEvidence(context.Background(), st, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteMarkdown(&b, ev, link); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestMarkdownSummary: the halted run's summary has a line per wave, the
// failed host with its step and error, the halt, the rollbacks and the
// link to the page.
func TestMarkdownSummary(t *testing.T) {
	md := summary(t, haltedRun(), "run report.html")
	for _, want := range []string{
		"### ⛔ switchback run `convert`: halted in wave 2",
		"| 1 | 1 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |",
		"| 2 | 2 | 1 | 2 | 1 | 0 | 0 | 0 | 2 |",
		"| not started | 3 | 0 | 0 | 0 | 0 | 0 | 3 | 0 |",
		"**Halted** in wave 2: `1 of 2 host(s) in wave 2 failed or were unreachable, more than max_fail 5% tolerates (0)`",
		"| `host-03` | 2 | `services / daemon` | `` exit status 1: rc-service sb-daemon start * Starting sb-daemon ... * start-stop-daemon: failed to start `/usr/bin/sb-daemon' `` |",
		"**Rolled back** (2 hosts): `host-02`, `host-03`",
		"[Full report (HTML)](run%20report.html)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the summary lacks %q:\n%s", want, md)
		}
	}
	if n := strings.Count(md, "\n"); n > 30 {
		t.Errorf("the summary is %d lines long", n)
	}
}

// TestMarkdownBounded: 200 hosts make a summary as short as 6 do, and
// the failed hosts are listed up to a limit.
func TestMarkdownBounded(t *testing.T) {
	s := bigRun()
	for _, h := range s.Hosts[100:140] {
		s.Fail[h] = "files/motd"
	}
	md := summary(t, s, "")
	if n := strings.Count(md, "\n"); n > 45 {
		t.Errorf("the summary of 200 hosts is %d lines long:\n%s", n, md)
	}
	if !strings.Contains(md, "| … | | | 24 more in the full report |") {
		t.Errorf("the failures past the limit are not counted:\n%s", md)
	}
}

// TestMarkdownKeepsHostTextInert: an error a host wrote cannot become a
// link, an image or a table column in the comment.
func TestMarkdownKeepsHostTextInert(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"![x](http://evil/x.png) | col", "`![x](http://evil/x.png) \\| col`"},
		{"a `tick` here", "`` a `tick` here ``"},
		{"<img src=x>", "`<img src=x>`"},
	} {
		if got := mdCode(tc.in); got != tc.want {
			t.Errorf("mdCode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := mdText("[click](http://x) *b*"); got != `\[click\]\(http://x\) \*b\*` {
		t.Errorf("mdText: %q", got)
	}
}
