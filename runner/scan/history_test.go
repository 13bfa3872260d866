package scan

import (
	"strings"
	"testing"
)

func issue(check, rule, path string, line int, sev Severity, msg string) Issue {
	return Issue{Check: check, Finding: Finding{Path: path, Line: line, Rule: rule, Severity: sev, Message: msg}}
}

func TestCompare(t *testing.T) {
	bash := func(path string, line int) Issue {
		return issue(CheckScripts, "shebang-bash", path, line, Error, "runs under bash")
	}
	prev := &Report{ID: "old", Hosts: []*HostReport{
		{Host: "a", Issues: []Issue{bash("/x.sh", 1), bash("/y.sh", 3), bash("/y.sh", 9), issue(CheckPackages, "package-renamed", "/var/lib/dpkg/status", 0, Info, "procps")}},
		{Host: "b", Err: "unreachable"},
		{Host: "gone"},
	}}
	cur := &Report{ID: "new", Hosts: []*HostReport{
		// /x.sh moved down a line (not new); one of two /y.sh findings fixed; /z.sh new
		{Host: "a", Issues: []Issue{bash("/x.sh", 2), bash("/y.sh", 3), bash("/z.sh", 1), issue(CheckPackages, "package-renamed", "/var/lib/dpkg/status", 0, Info, "procps")}},
		{Host: "b", Issues: []Issue{bash("/b.sh", 1)}},
		{Host: "fresh", Issues: []Issue{bash("/f.sh", 1)}},
	}}
	c := Compare(prev, cur)
	got := func(his []HostIssue) string {
		var s []string
		for _, hi := range his {
			s = append(s, hi.Host+":"+location(hi.Finding))
		}
		return strings.Join(s, " ")
	}
	if g := got(c.New); g != "a:/z.sh:1" {
		t.Errorf("new: %s", g)
	}
	if g := got(c.Fixed); g != "a:/y.sh:9" {
		t.Errorf("fixed: %s", g)
	}
	if g := strings.Join(c.NotCompared, " "); g != "b fresh" {
		t.Errorf("not compared: %s, want b (unreachable before) and fresh (not scanned before)", g)
	}
	if c.NewErrors() != 1 || c.Against != "old" {
		t.Errorf("new errors %d against %s", c.NewErrors(), c.Against)
	}
}

func TestRecordRoundTrip(t *testing.T) {
	r := &Report{ID: "s", Hosts: []*HostReport{
		{Host: "a", RoundTrips: 1, Issues: []Issue{issue(CheckShells, "login-shell-bash", "/etc/passwd", 4, Error, "deploy")}},
		{Host: "b", Err: "refused"},
	}}
	back := FromRecord(r.Record())
	if c := Compare(r, back); len(c.New)+len(c.Fixed) != 0 || back.Hosts[1].Err != "refused" || back.Hosts[0].Issues[0].Line != 4 {
		t.Errorf("a report and its record differ: %+v", c)
	}
}
