package scan

import (
	"cmp"
	"slices"
	"time"
)

// Record is a readiness scan as the state store keeps it.
type Record struct {
	ID                    string
	StartedAt, FinishedAt time.Time
	Hosts                 []RecordHost
}

// RecordHost is one host of a scan: an error when it could not be
// scanned, its findings otherwise.
type RecordHost struct {
	Host, Error string
	RoundTrips  int
	Findings    []RecordFinding
}

// RecordFinding is one finding of a scan.
type RecordFinding struct {
	Check, Path, Rule, Severity, Message, Suggestion string
	Line, Col                                        int
}

// Summary counts a scan's findings by severity, for charts.
type Summary struct {
	ID                      string
	StartedAt               time.Time
	Hosts, Failed           int
	Errors, Warnings, Infos int
}

// Record turns a report into what the state store keeps.
func (r *Report) Record() Record {
	rec := Record{ID: r.ID, StartedAt: r.StartedAt, FinishedAt: r.FinishedAt}
	for _, h := range r.Hosts {
		sh := RecordHost{Host: h.Host, Error: h.Err, RoundTrips: h.RoundTrips}
		for _, is := range h.Issues {
			sh.Findings = append(sh.Findings, RecordFinding{
				Check: is.Check, Path: is.Path, Line: is.Line, Col: is.Col, Rule: is.Rule,
				Severity: string(is.Severity), Message: is.Message, Suggestion: is.Suggestion,
			})
		}
		rec.Hosts = append(rec.Hosts, sh)
	}
	return rec
}

// FromRecord turns a stored scan back into a report (without the counts
// of what was looked at, which are not stored).
func FromRecord(rec Record) *Report {
	r := &Report{ID: rec.ID, StartedAt: rec.StartedAt, FinishedAt: rec.FinishedAt}
	for _, sh := range rec.Hosts {
		h := &HostReport{Host: sh.Host, Err: sh.Error, RoundTrips: sh.RoundTrips}
		for _, f := range sh.Findings {
			h.Issues = append(h.Issues, Issue{Check: f.Check, Finding: Finding{
				Path: f.Path, Line: f.Line, Col: f.Col, Rule: f.Rule,
				Severity: Severity(f.Severity), Message: f.Message, Suggestion: f.Suggestion,
			}})
		}
		r.Hosts = append(r.Hosts, h)
	}
	return r
}

// HostIssue is an issue and the host it is on.
type HostIssue struct {
	Host string `json:"host"`
	Issue
}

// Comparison is what changed between two scans.
type Comparison struct {
	Against string      `json:"against"` // the earlier scan's id
	New     []HostIssue `json:"new"`
	Fixed   []HostIssue `json:"fixed"`
	// NotCompared are hosts scanned now that the earlier scan did not
	// scan (absent, or unreachable then or now): their findings are
	// neither new nor fixed.
	NotCompared []string `json:"not_compared,omitempty"`
}

// NewErrors counts the new error-level findings.
func (c *Comparison) NewErrors() int {
	n := 0
	for _, hi := range c.New {
		if hi.Severity == Error {
			n++
		}
	}
	return n
}

// Compare lists the findings cur has and prev had not (new), and the
// reverse (fixed), host by host. Findings are matched on host, check,
// rule, path and message, not line: editing a script above a finding
// moves it without making it new. Repeated findings count as many times
// as they occur.
func Compare(prev, cur *Report) *Comparison {
	c := &Comparison{Against: prev.ID}
	before := map[string]*HostReport{}
	for _, h := range prev.Hosts {
		before[h.Host] = h
	}
	for _, h := range cur.Hosts {
		p := before[h.Host]
		if p == nil || p.Err != "" || h.Err != "" {
			c.NotCompared = append(c.NotCompared, h.Host)
			continue
		}
		c.New = append(c.New, missing(h, p)...)
		c.Fixed = append(c.Fixed, missing(p, h)...)
	}
	order := func(a, b HostIssue) int {
		return cmp.Or(cmp.Compare(a.Host, b.Host), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Rule, b.Rule))
	}
	slices.SortStableFunc(c.New, order)
	slices.SortStableFunc(c.Fixed, order)
	return c
}

type issueKey struct{ check, rule, path, message string }

// missing returns the issues of a that b does not have.
func missing(a, b *HostReport) []HostIssue {
	have := map[issueKey]int{}
	for _, is := range b.Issues {
		have[issueKey{is.Check, is.Rule, is.Path, is.Message}]++
	}
	var out []HostIssue
	for _, is := range a.Issues {
		k := issueKey{is.Check, is.Rule, is.Path, is.Message}
		if have[k] > 0 {
			have[k]--
			continue
		}
		out = append(out, HostIssue{Host: a.Host, Issue: is})
	}
	return out
}
