package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/browser"
	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

const evidencePlaybook = `
playbook { name = "evidence" }

variable "token" {
  type      = string
  default   = "tok-5f1e-secret"
  sensitive = true
}

rollout {
  waves    = [1, 2, 3]
  max_fail = 0
  forks    = 1   # host-02 finishes before host-03 fails: no host is halted in flight
  rollback = "wave"
  gate {
    command "motd says converted" {
      run = "grep -qx converted /etc/motd"
    }
  }
}

snapshot {
  paths = ["/etc/motd", "/etc/app.conf"]
}

phase "packages" {
  apk "hello" { packages = ["sb-hello"] }
}

phase "files" {
  file "motd" {
    path    = "/etc/motd"
    content = "converted\n"
  }
  file "app config" {
    path    = "/etc/app.conf"
    content = "token = ${var.token}\n"
  }
  command "rigged" {
    run    = "echo 'rigged to fail' >&2; exit 1"
    unless = "[ ! -e /etc/rigged ]"
  }
}
`

// receiver records the events a webhook gets.
type receiver struct {
	mu     sync.Mutex
	events []map[string]any
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	var e map[string]any
	b, _ := io.ReadAll(req.Body)
	if json.Unmarshal(b, &e) == nil {
		r.mu.Lock()
		r.events = append(r.events, e)
		r.mu.Unlock()
	}
}

func (r *receiver) kinds() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var k []string
	for _, e := range r.events {
		k = append(k, e["event"].(string))
	}
	return strings.Join(k, " ")
}

// TestEvidenceOfAHaltedRun is a real rollout on six hosts that halts in
// wave 2 (host-03 is rigged) and rolls wave 2 back, run with --html,
// --summary markdown and three webhooks: one that works, one that
// answers 500, one that never answers. The run's exit code is the
// halt's, whatever the webhooks did; the working one got every
// milestone; the page, rendered in headless Chromium, shows the run as
// the hosts' filesystems say it went, without a console error, and
// 'runs show --html' makes the same page from the state database.
func TestEvidenceOfAHaltedRun(t *testing.T) {
	f := fleet.Start(t, 6)
	dir := t.TempDir()
	pb := writeFile(t, dir, "evidence.hcl", evidencePlaybook)
	rig(t, f.Hosts[2])

	good := &receiver{}
	okSrv := httptest.NewServer(good)
	defer okSrv.Close()
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusInternalServerError) }))
	defer failing.Close()
	stuck := make(chan struct{})
	hanging := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		select {
		case <-stuck:
		case <-r.Context().Done():
		}
	}))
	defer func() { close(stuck); hanging.Close() }()

	page, md := filepath.Join(dir, "report", "run.html"), filepath.Join(dir, "report", "summary.md")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	code, out := runCLI(t, runArgs(f, pb, "--html", page, "--summary", "markdown", md,
		"--notify", okSrv.URL+"/hook", "--notify", failing.URL+"/hook", "--notify", hanging.URL+"/hook/t0ken", "--notify-timeout", "1s")...)
	if code != runner.ExitHalted {
		t.Fatalf("exit %d, want %d (halted): the webhooks must not change the outcome", code, runner.ExitHalted)
	}
	wantInOutput(t, out, "warning: --notify "+failing.URL+"/…: 9 of 9 event(s) not delivered (last error: ", "answered 500 Internal Server Error)")
	wantInOutput(t, out, "warning: --notify "+hanging.URL+"/…: ")
	if strings.Contains(out, "t0ken") {
		t.Error("a webhook's path was printed")
	}
	// What the hosts say: wave 1 converged and passed its gate; wave 2
	// was put back; wave 3 was never touched.
	if got := mustRead(t, f.Hosts[0].Path("/etc/motd")); got != "converted\n" {
		t.Errorf("host-01's motd = %q", got)
	}
	for _, h := range f.Hosts[1:] {
		if got := mustRead(t, h.Path("/etc/motd")); got == "converted\n" {
			t.Errorf("%s's motd was not rolled back or should not have changed", h.Name)
		}
	}
	want := "run_started wave_started wave_finished wave_started halted wave_finished rollback rollback run_finished"
	if got := good.kinds(); got != want {
		t.Errorf("the webhook got:\n %s\nwant\n %s", got, want)
	}

	html := mustRead(t, page)
	if strings.Contains(html, "tok-5f1e-secret") {
		t.Fatal("the sensitive value is on the page")
	}
	summary := mustRead(t, md)
	for _, s := range []string{"### ⛔ switchback run `evidence`: halted in wave 2", "| `host-03` | 2 | `files / rigged` |", "**Rolled back** (2 hosts): ", "[Full report (HTML)](run.html)"} {
		if !strings.Contains(summary, s) {
			t.Errorf("the summary lacks %q:\n%s", s, summary)
		}
	}
	again := filepath.Join(dir, "again.html")
	runOK(t, "runs", "show", "last", "--html", again)
	if mustRead(t, again) != html {
		t.Error("runs show --html made a different page from the same record")
	}
	stats := runOK(t, "runs", "stats", "--output", "json")
	for _, s := range []string{`"runs": 1,`, `"halted": 1,`, `"hosts_rolled_back": 2,`, `"hosts_changed": 3,`, `"phase": "gate",`} {
		if !strings.Contains(stats, s) {
			t.Errorf("runs stats lacks %s:\n%s", s, stats)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	b, err := browser.Start(ctx, t.TempDir())
	if errors.Is(err, browser.ErrNoChromium) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	p, err := b.Open(ctx, "file://"+page, 1200, 900)
	if err != nil {
		t.Fatalf("%v\n%s", err, b.Stderr())
	}
	for sel, want := range map[string]int{
		"#timeline g.host-bar": 6, "#timeline rect.bar-ok": 2, "#timeline rect.bar-failed": 1,
		"#timeline rect.rollback": 2, "#timeline polygon.snapshot": 3, "#timeline line.halt": 1,
		"#matrix tr.host": 6, "#failures tr.failure": 1, "#rollbacks tr.rollback": 2,
		"#gate tr.gate-step": 1, "#halt": 1, "details.change": 3,
	} {
		var n int
		if err := p.Eval(ctx, "document.querySelectorAll('"+sel+"').length", &n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s: %d element(s), want %d", sel, n, want)
		}
	}
	var text string
	if err := p.Eval(ctx, "document.body.textContent", &text); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"rigged to fail", "contents not shown: they hold a sensitive value", "1 of 2 host(s) in wave 2 failed"} {
		if !strings.Contains(text, s) {
			t.Errorf("the page does not say %q", s)
		}
	}
	shots := os.Getenv("SWITCHBACK_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if h, err := p.Screenshot(ctx, filepath.Join(shots, "fleet-halted.png"), 1200, 20000); err != nil || h > 4000 {
		t.Errorf("screenshot: %v, %d px tall", err, h)
	}
	if problems := p.Problems(); len(problems) > 0 {
		t.Errorf("the page caused errors in the browser:\n  %s", strings.Join(problems, "\n  "))
	}
}
