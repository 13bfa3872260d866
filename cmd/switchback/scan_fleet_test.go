package main

// Fleet tests of switchback scan: hosts are seeded from the controller
// with what breaks on Alpine, scanned over real SSH with their own
// BusyBox sh, find and tar, and the findings checked path by path.

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/scan"
	"github.com/switchbackhq/switchback/runner/transport"
)

// plant writes a file into a host's root from the controller.
func plant(t *testing.T, h *fleet.Host, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(h.Path(path)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(h.Path(path), []byte(content), mode); err != nil {
		t.Fatal(err)
	}
}

func appendTo(t *testing.T, h *fleet.Host, path, line string) {
	t.Helper()
	f, err := os.OpenFile(h.Path(path), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(line); err != nil {
		t.Fatal(err)
	}
}

func scanArgs(f *fleet.Fleet, extra ...string) []string {
	return append([]string{"scan", "-i", f.Inventory, "--known-hosts", f.KnownHosts, "--connect-timeout", "5s"}, extra...)
}

// scanJSON runs a scan with --json and decodes the document.
func scanJSON(t *testing.T, wantCode int, args ...string) scan.JSONDocument {
	t.Helper()
	code, out := runCLI(t, append(args, "--json")...)
	if code != wantCode {
		t.Fatalf("scan: exit %d, want %d", code, wantCode)
	}
	var doc scan.JSONDocument
	if err := json.Unmarshal([]byte(out[:strings.LastIndex(out, "}")+1]), &doc); err != nil {
		t.Fatalf("scan --json: %v", err)
	}
	return doc
}

func hostReport(t *testing.T, doc scan.JSONDocument, name string) *scan.HostReport {
	t.Helper()
	for _, h := range doc.Hosts {
		if h.Host == name {
			return h
		}
	}
	t.Fatalf("no report for %s", name)
	return nil
}

// findIssue returns the issue of the given check and rule at path.
func findIssue(h *scan.HostReport, check, rule, path string) *scan.Issue {
	for i, is := range h.Issues {
		if is.Check == check && is.Rule == rule && is.Path == path {
			return &h.Issues[i]
		}
	}
	return nil
}

// errorPaths lists "check path" for every path with an error, sorted.
func errorPaths(h *scan.HostReport) []string {
	set := map[string]bool{}
	for _, is := range h.Issues {
		if is.Severity == scan.Error {
			set[is.Check+" "+is.Path] = true
		}
	}
	paths := slices.Collect(maps.Keys(set))
	slices.Sort(paths)
	return paths
}

// seedNotReady gives a host one of everything a scan looks for.
func seedNotReady(t *testing.T, h *fleet.Host) {
	t.Helper()
	plant(t, h, "/usr/local/bin/backup.sh", "#!/bin/bash\nset -o pipefail\ntar c /srv | gzip > /backup.tgz\n", 0o755)
	glibc, err := os.ReadFile("/bin/true") // Debian's: dynamically linked against glibc
	if err != nil {
		t.Fatal(err)
	}
	plant(t, h, "/opt/app/bin/app", string(glibc), 0o755)
	// A unit with no init script, whose ExecStart names a bash script
	// outside the script paths; a crontab naming another.
	plant(t, h, "/etc/systemd/system/app.service", "[Unit]\nDescription=app\n\n[Service]\nExecStart=/srv/app/run.sh --serve\n", 0o644)
	plant(t, h, "/srv/app/run.sh", "#!/usr/bin/env bash\nexec /opt/app/bin/app\n", 0o755)
	appendTo(t, h, "/etc/crontabs/root", "30\t4\t*\t*\t*\t/srv/jobs/nightly.sh >/dev/null 2>&1\n")
	plant(t, h, "/srv/jobs/nightly.sh", "#!/bin/bash\necho nightly\n", 0o755)
	// A job that runs bash by name, on a script without a #! line.
	appendTo(t, h, "/etc/crontabs/root", "0\t5\t*\t*\t*\tbash /srv/jobs/legacy\n")
	plant(t, h, "/srv/jobs/legacy", "echo legacy\n", 0o644)
	appendTo(t, h, "/etc/passwd", "deploy:x:1000:1000:deploy:/home/deploy:/bin/bash\n")
}

// seedReady gives a host things that work on Alpine: a POSIX script and
// a musl binary (the host's own BusyBox).
func seedReady(t *testing.T, h *fleet.Host) {
	t.Helper()
	plant(t, h, "/usr/local/bin/report.sh", "#!/bin/sh\necho ok\n", 0o755)
	musl, err := os.ReadFile(h.Path("/bin/busybox"))
	if err != nil {
		t.Fatal(err)
	}
	plant(t, h, "/opt/tools/bin/bb", string(musl), 0o755)
}

// TestScanFindsWhatBreaks: every seeded problem is found on the right
// path with one round trip per host and nothing on the host changes, the
// clean host is ready, JUnit has
// a case per host and check, and a second scan after a fix reports it
// fixed (exit 0), while a new error makes --compare last exit 2.
func TestScanFindsWhatBreaks(t *testing.T) {
	f := fleet.Start(t, 2)
	dirty, clean := f.Hosts[0], f.Hosts[1]
	seedNotReady(t, dirty)
	seedReady(t, clean)
	junitPath := filepath.Join(t.TempDir(), "scan.xml")
	before := steptest.Fingerprint(t, dirty)

	doc := scanJSON(t, runner.ExitOK, scanArgs(f, "--junit", junitPath)...)
	if diff := steptest.FingerprintDiff(before, steptest.Fingerprint(t, dirty)); len(diff) > 0 {
		t.Errorf("the scan changed the host:\n%s", strings.Join(diff, "\n"))
	}
	// Exactly the seeded paths have errors. Scripts are judged by the
	// script analyzer, whose rules are its own; the other checks' rules
	// are the scan's.
	d := hostReport(t, doc, dirty.Name)
	wantErrors := []string{ // sorted
		"binaries /opt/app/bin/app",
		"scripts /etc/crontabs/root",
		"scripts /srv/app/run.sh",      // named by the unit's ExecStart
		"scripts /srv/jobs/nightly.sh", // named by the crontab
		"scripts /usr/local/bin/backup.sh",
		"services /etc/systemd/system/app.service",
		"shells /etc/passwd",
	}
	if got := errorPaths(d); strings.Join(got, ", ") != strings.Join(wantErrors, ", ") {
		t.Errorf("%s: errors at\n  %s\nwant\n  %s", dirty.Name, strings.Join(got, "\n  "), strings.Join(wantErrors, "\n  "))
	}
	for _, want := range []struct{ check, rule, path string }{
		{scan.CheckScripts, "cron-bash", "/etc/crontabs/root"},
		{scan.CheckBinaries, "elf-glibc", "/opt/app/bin/app"},
		{scan.CheckServices, "systemd-unit", "/etc/systemd/system/app.service"},
		{scan.CheckShells, "login-shell-bash", "/etc/passwd"},
	} {
		if findIssue(d, want.check, want.rule, want.path) == nil {
			t.Errorf("%s: no %s/%s finding for %s", dirty.Name, want.check, want.rule, want.path)
		}
	}
	if is := findIssue(d, scan.CheckShells, "login-shell-bash", "/etc/passwd"); is != nil {
		passwd := mustRead(t, dirty.Path("/etc/passwd"))
		if line := strings.Count(passwd, "\n"); is.Line != line || !strings.Contains(is.Message, "deploy") {
			t.Errorf("login shell finding on line %d (%s), want line %d, user deploy", is.Line, is.Message, line)
		}
	}
	if is := findIssue(d, scan.CheckScripts, "cron-bash", "/etc/crontabs/root"); is != nil {
		if crontab := mustRead(t, dirty.Path("/etc/crontabs/root")); is.Line != strings.Count(crontab, "\n") {
			t.Errorf("cron-bash on line %d, want the last line (%d)", is.Line, strings.Count(crontab, "\n"))
		}
	}
	if c := hostReport(t, doc, clean.Name); d.Scripts != c.Scripts+3 {
		t.Errorf("%s read %d scripts, %s %d: want the 3 seeded and the file the crontab runs with bash on top of the clean host's, less its one", dirty.Name, d.Scripts, clean.Name, c.Scripts)
	}
	if d.Binaries[scan.KindGlibc] != 1 {
		t.Errorf("%s: binaries %v, want one glibc", dirty.Name, d.Binaries)
	}

	c := hostReport(t, doc, clean.Name)
	if !c.Ready() || c.Count(scan.Warning) != 0 {
		t.Errorf("%s: want ready with no errors or warnings, got %+v", clean.Name, c.Issues)
	}
	if c.Binaries[scan.KindMusl] != 1 || c.Scripts == 0 {
		t.Errorf("%s: binaries %v, %d scripts: want the musl binary and the scripts seen", clean.Name, c.Binaries, c.Scripts)
	}
	for _, h := range doc.Hosts {
		if h.RoundTrips != 1 {
			t.Errorf("%s: %d round trips, want 1", h.Host, h.RoundTrips)
		}
	}

	var junit struct {
		Suites []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string    `xml:"name,attr"`
				Failure *struct{} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(mustRead(t, junitPath)), &junit); err != nil {
		t.Fatalf("JUnit report: %v", err)
	}
	failing := map[string]bool{}
	for _, s := range junit.Suites {
		if len(s.Cases) != len(scan.Checks) {
			t.Errorf("JUnit suite %s: %d cases, want one per check", s.Name, len(s.Cases))
		}
		for _, c := range s.Cases {
			if c.Failure != nil {
				failing[s.Name+"/"+c.Name] = true
			}
		}
	}
	wantFailing := fmt.Sprint(map[string]bool{dirty.Name + "/binaries": true, dirty.Name + "/scripts": true, dirty.Name + "/services": true, dirty.Name + "/shells": true})
	if fmt.Sprint(failing) != wantFailing {
		t.Errorf("failing JUnit cases %v, want %s", failing, wantFailing)
	}

	// Fix one problem: the next scan reports it fixed and nothing new.
	time.Sleep(10 * time.Millisecond) // scans are ordered by start time
	plant(t, dirty, "/usr/local/bin/backup.sh", "#!/bin/sh\ntar c /srv | gzip > /backup.tgz\n", 0o755)
	code, out := runCLI(t, scanArgs(f, "--compare", "last")...)
	if code != runner.ExitOK {
		t.Errorf("scan after a fix: exit %d, want 0", code)
	}
	wantInOutput(t, out, "0 new (0 errors), ", "FIXED  "+dirty.Name+"  error   /usr/local/bin/backup.sh:", dirty.Name+"  NOT READY", clean.Name+"  ready")
	if strings.Contains(out, "/usr/local/bin/backup.sh") && !strings.Contains(out, "FIXED  "+dirty.Name+"  error   /usr/local/bin/backup.sh:") {
		t.Error("backup.sh appears as other than fixed")
	}

	// A new problem: --compare last fails the job.
	time.Sleep(10 * time.Millisecond)
	appendTo(t, clean, "/etc/passwd", "ops:x:1001:1001:ops:/home/ops:/bin/bash\n")
	code, out = runCLI(t, scanArgs(f, "--compare", "last")...)
	if code != runner.ExitFailed {
		t.Errorf("scan with a new error: exit %d, want %d", code, runner.ExitFailed)
	}
	wantInOutput(t, out, "1 new (1 error), 0 fixed", "NEW    "+clean.Name+"  error   /etc/passwd:")
}

// TestScanUnreachableHost: a stopped host is reported, the others are
// scanned, and the exit code is 3.
func TestScanUnreachableHost(t *testing.T) {
	f := fleet.Start(t, 2)
	if err := f.StopHost(f.Hosts[1].Name); err != nil {
		t.Fatal(err)
	}
	doc := scanJSON(t, runner.ExitUnreachable, scanArgs(f)...)
	if h := hostReport(t, doc, f.Hosts[1].Name); !h.Unreachable || h.Err == "" {
		t.Errorf("%s: %+v, want unreachable", h.Host, h)
	}
	if h := hostReport(t, doc, f.Hosts[0].Name); h.Err != "" || !h.Ready() {
		t.Errorf("%s: %+v, want scanned and ready", h.Host, h)
	}
}

// TestScanManyScripts measures a scan of 2,000 scripts on one host: the
// time it takes and the round trips it needs (one).
func TestScanManyScripts(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	const n = 2000
	for i := range n {
		shebang := "#!/bin/sh"
		if i%10 == 0 {
			shebang = "#!/bin/bash"
		}
		dir := fmt.Sprintf("/opt/app%02d/bin", i%20)
		plant(t, h, fmt.Sprintf("%s/job-%04d.sh", dir, i), shebang+"\n# job\nfor x in 1 2 3; do echo \"$x\"; done\n"+strings.Repeat("echo padding line to make a realistic script\n", 40), 0o755)
	}
	start := time.Now()
	doc := scanJSON(t, runner.ExitOK, scanArgs(f)...)
	elapsed := time.Since(start)
	r := hostReport(t, doc, h.Name)
	if r.Scripts < n {
		t.Errorf("%d scripts analysed, want at least %d", r.Scripts, n)
	}
	if got := len(errorPaths(r)); got != n/10 {
		t.Errorf("%d paths with errors, want %d (the bash scripts)", got, n/10)
	}
	if r.RoundTrips != 1 {
		t.Errorf("%d round trips, want 1", r.RoundTrips)
	}
	t.Logf("scanned %d scripts on %s: %.2fs for the whole command (host scan %.2fs), %d round trip(s), %s transferred",
		r.Scripts, h.Name, elapsed.Seconds(), r.Duration.Seconds(), r.RoundTrips, byteSize(r.Bytes))

	// For scale: the same files read one command each, over one connection.
	ssh, err := transport.NewSSH(transport.SSHOptions{KnownHostsFile: f.KnownHosts})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := ssh.Dial(t.Context(), transport.Target{Name: h.Name, Address: h.Address, Port: h.Port, User: f.User, IdentityFile: f.IdentityFile})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const sample = 200
	start = time.Now()
	for i := range sample {
		if _, err := conn.Run(t.Context(), fmt.Sprintf("cat /opt/app%02d/bin/job-%04d.sh", i%20, i)); err != nil {
			t.Fatal(err)
		}
	}
	perFile := time.Since(start) / sample
	t.Logf("for scale, one command per file: %s each, so about %.1fs and %d round trips for %d files", perFile.Round(time.Microsecond), (perFile * n).Seconds(), n, n)
}

func byteSize(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// TestScanOddScripts: a 30 MB bash script and a bash script and a glibc
// program whose names hold a newline make a host NOT READY, and the
// report says which script was too large to read whole.
func TestScanOddScripts(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	plant(t, h, "/usr/local/bin/huge", "#!/bin/bash\necho huge\n", 0o755)
	if err := os.Truncate(h.Path("/usr/local/bin/huge"), 30<<20); err != nil {
		t.Fatal(err)
	}
	plant(t, h, "/usr/local/bin/odd\nname", "#!/bin/sh\narr=(a b)\n", 0o755)
	glibc, err := os.ReadFile("/bin/true")
	if err != nil {
		t.Fatal(err)
	}
	plant(t, h, "/opt/app/bin/odd\napp", string(glibc), 0o755)

	doc := scanJSON(t, runner.ExitOK, scanArgs(f)...)
	r := hostReport(t, doc, h.Name)
	want := []string{"binaries /opt/app/bin/odd\napp", "scripts /usr/local/bin/huge", "scripts /usr/local/bin/odd\nname"}
	if got := errorPaths(r); !slices.Equal(got, want) {
		t.Errorf("errors at %q, want %q", got, want)
	}
	if r.Ready() {
		t.Error("the host is called ready")
	}
	is := findIssue(r, scan.CheckScripts, "script-not-read", "/usr/local/bin/huge")
	if is == nil || is.Severity != scan.Warning || !strings.Contains(is.Message, "30.0 MiB") || r.NotRead != 1 {
		t.Errorf("the report does not say the large script was not read whole: %+v (not read: %d)", is, r.NotRead)
	}
	_, out := runCLI(t, scanArgs(f)...)
	wantInOutput(t, out, "NOT READY", "(+1 too large to read)", "script-not-read")
}
