package scan

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// sampleReport has a ready host, a host that is not, and one that could
// not be scanned; one finding's path carries markup, as a host may send.
func sampleReport() (*Report, *Comparison, []Summary) {
	start := time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC)
	r := &Report{ID: "20261120T020000Z-abcdef", StartedAt: start, FinishedAt: start.Add(3 * time.Second), Hosts: []*HostReport{
		{Host: "web-01", RoundTrips: 1, Scripts: 12, Binaries: map[string]int{KindMusl: 2}},
		{Host: "db-01", RoundTrips: 1, Scripts: 40, Binaries: map[string]int{KindGlibc: 1}, Issues: []Issue{
			issue(CheckScripts, "shebang-bash", "/usr/local/bin/<script>alert(1)</script>.sh", 1, Error, "runs under bash"),
			issue(CheckBinaries, "elf-glibc", "/opt/pg/bin/pg", 0, Error, "glibc"),
			issue(CheckServices, "systemd-unit", "/lib/systemd/system/cron.service", 0, Warning, "enabled unit"),
		}},
		{Host: "app-01", Err: "dial tcp 10.0.0.9:22: connect: connection refused", Unreachable: true},
	}}
	c := &Comparison{Against: "20261119T020000Z-012345", New: []HostIssue{{Host: "db-01", Issue: r.Hosts[1].Issues[1]}}}
	var hist []Summary
	for i, e := range []int{5, 4, 2} {
		hist = append(hist, Summary{ID: "s" + string(rune('1'+i)), StartedAt: start.Add(time.Duration(i-2) * 24 * time.Hour), Errors: e, Warnings: 1})
	}
	return r, c, hist
}

func TestHTMLIsSelfContained(t *testing.T) {
	r, c, hist := sampleReport()
	path := filepath.Join(t.TempDir(), "scan.html")
	if err := WriteHTML(path, r, c, hist); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	html := string(b)
	for _, external := range []string{"<link", "<script", "src=", "@import", "url(", "href=\"http"} {
		if strings.Contains(html, external) {
			t.Errorf("the report refers to something outside itself or runs code: %q", external)
		}
	}
	if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("a path with markup is not escaped")
	}
}

// TestHTMLRendersInChromium opens the report in headless Chromium and
// reads the rendered DOM: one row per host with its status, one per
// rule, the change since the compared scan and a point per scan in the chart.
func TestHTMLRendersInChromium(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("chromium is not installed (Debian: apt-get install -y chromium); the HTML report is not rendered")
	}
	r, c, hist := sampleReport()
	dir := t.TempDir()
	path := filepath.Join(dir, "scan.html")
	if err := WriteHTML(path, r, c, hist); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{"--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
		"--disable-sync", "--no-first-run", "--user-data-dir=" + filepath.Join(dir, "profile"), "--dump-dom", "file://" + path}
	if os.Geteuid() == 0 {
		args = append([]string{"--no-sandbox"}, args...)
	}
	cmd := exec.CommandContext(ctx, browser, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	dom := string(out)

	rows := regexp.MustCompile(`<tr class="host" data-host="([^"]+)" data-status="([^"]+)">`).FindAllStringSubmatch(dom, -1)
	var got []string
	for _, m := range rows {
		got = append(got, m[1]+"="+m[2])
	}
	if want := "web-01=ready db-01=not-ready app-01=not-scanned"; strings.Join(got, " ") != want {
		t.Errorf("host rows %v, want %s", got, want)
	}
	cells := regexp.MustCompile(`data-host="db-01"[^>]*>(.*?)</tr>`).FindStringSubmatch(dom)
	if len(cells) < 2 || !strings.Contains(cells[1], `<td class="n">2</td><td class="n">1</td><td class="n">0</td>`) {
		t.Errorf("db-01's row lacks 2 errors, 1 warning, 0 info: %v", cells)
	}
	rules := regexp.MustCompile(`<tr class="rule" data-rule="([^"]+)">`).FindAllStringSubmatch(dom, -1)
	if len(rules) != 3 {
		t.Errorf("%d rule rows, want 3", len(rules))
	}
	if n := strings.Count(dom, `<tr class="new">`); n != 1 {
		t.Errorf("%d new findings shown, want 1", n)
	}
	if n := strings.Count(dom, "<circle"); n != 2*len(hist) {
		t.Errorf("%d points in the chart, want %d", n, 2*len(hist))
	}
	if strings.Contains(dom, "<script>alert") {
		t.Error("markup from a host's path became part of the page")
	}
}
