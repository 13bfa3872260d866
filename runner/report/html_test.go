package report

import (
	"bytes"
	"context"
	"errors"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/switchbackhq/switchback/internal/browser"
)

func renderHTML(t *testing.T, s synthRun) (string, []byte) {
	t.Helper()
	st := synthStore(t, s)
	ev, err := LoadEvidence(context.Background(), st, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteHTML(&b, ev); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), s.ID+".html")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b.Bytes()
}

// TestRunPageIsSelfContained: nothing on the page is fetched from
// elsewhere, no script runs, and a webhook's token never shows.
func TestRunPageIsSelfContained(t *testing.T) {
	for _, s := range []synthRun{haltedRun(), bigRun()} {
		_, b := renderHTML(t, s)
		html := string(b)
		for _, external := range []string{"<link", "<script", "<img", "<iframe", "src=", "@import", "url(", "href=\"http"} {
			if strings.Contains(html, external) {
				t.Errorf("%s: the page refers to something outside itself or runs code: %q", s.ID, external)
			}
		}
		if !strings.Contains(html, "default-src 'none'") {
			t.Errorf("%s: no Content Security Policy forbids loading", s.ID)
		}
		if strings.Contains(html, "secret-token") || !strings.Contains(html, "https://hooks.example.com/…") {
			t.Errorf("%s: the --notify address is not cut to its host", s.ID)
		}
	}
}

// pageCheck is what a rendered page must show.
type pageCheck struct {
	run      synthRun
	counts   map[string]int // CSS selector → elements expected
	contains []string       // text on the page
	maxBytes int            // of the HTML
	maxH     int            // CSS pixels of the whole page
	colours  []color.RGBA   // that the screenshot must show
}

// TestRunPageInChromium renders the page of a halted-and-rolled-back
// run and of a 200-host run in headless Chromium: the page loads without
// a console error or a refused load, its elements are there in the
// numbers the run gives, it stays within its size, and the screenshot
// shows the bars' colours. SWITCHBACK_SCREENSHOTS=DIR keeps the
// screenshots there.
func TestRunPageInChromium(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	b, err := browser.Start(ctx, dir)
	if errors.Is(err, browser.ErrNoChromium) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	red, green, teal := color.RGBA{0xc6, 0x28, 0x28, 0xff}, color.RGBA{0x2f, 0x8f, 0x4e, 0xff}, color.RGBA{0x0f, 0x8b, 0x8d, 0xff}
	for _, c := range []pageCheck{
		{run: haltedRun(), counts: map[string]int{
			"#timeline g.host-bar": 6, "#timeline g.host-bar rect.bar-ok": 2, "#timeline g.host-bar rect.bar-failed": 1,
			"#timeline rect.rollback": 2, "#timeline polygon.snapshot": 3, "#timeline line.halt": 1,
			// host-03 never reached its files, wave 3 (3 hosts) none of its phases.
			"#matrix tr.host": 6, "#matrix td.c.failed": 1, "#matrix td.c.none": 1 + 3*3, "#failures tr.failure": 1,
			"#rollbacks tr.rollback": 2, "#waves tr.wave": 3, "#halt": 1, "#gate": 0,
			// Three steps changed hosts; the motd differs per host (host-01, host-02).
			"details.change": 3, "details.change pre.diff": 4,
		}, contains: []string{"halted in wave 2", "1 of 2 host(s) in wave 2 failed", "services / daemon", "start-stop-daemon: failed to start",
			"Welcome to host-01", "Managed by switchback; db password (sensitive)", "--var db_password", "convert.hcl"},
			maxBytes: 64 << 10, maxH: 3000, colours: []color.RGBA{red, green, teal}},
		{run: bigRun(), counts: map[string]int{
			"#timeline g.host-bar": 200, "#timeline g.host-bar rect.bar-failed": 3, "#timeline g.host-bar rect.bar-unreachable": 1,
			"#timeline rect.rollback": 3, "#timeline polygon.snapshot": 199, "#timeline line.halt": 0,
			"#matrix tr.host": 200, "#matrix td.c.failed": 3, "#failures tr.failure": 4, "#rollbacks tr.rollback": 3,
			"#gate tr.gate-step": 2, "#gate-failures": 0, "#waves tr.wave": 4, "#halt": 0,
			// Every host's motd differs: its step shows 5 of them; packages
			// and the daemon are one change on every host.
			"details.change": 3, "details.change pre.diff": 5 + 1 + 1,
		}, contains: []string{"some hosts failed", "200 hosts in 4 waves", "passed on 196 hosts", "191 more different diffs, on 191 hosts"},
			maxBytes: 512 << 10, maxH: 7000, colours: []color.RGBA{red, green}},
	} {
		t.Run(c.run.ID, func(t *testing.T) {
			path, html := renderHTML(t, c.run)
			t.Logf("%d hosts: the page is %d bytes", len(c.run.Hosts), len(html))
			if len(html) > c.maxBytes {
				t.Errorf("the page is %d bytes, more than %d", len(html), c.maxBytes)
			}
			p, err := b.Open(ctx, "file://"+path, 1200, 900)
			if err != nil {
				t.Fatalf("%v\n%s", err, b.Stderr())
			}
			for sel, want := range c.counts {
				var n int
				if err := p.Eval(ctx, "document.querySelectorAll("+jsString(sel)+").length", &n); err != nil {
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
			for _, s := range c.contains {
				if !strings.Contains(text, s) {
					t.Errorf("the page does not say %q", s)
				}
			}
			var overflow int
			if err := p.Eval(ctx, "document.documentElement.scrollWidth - document.documentElement.clientWidth", &overflow); err != nil {
				t.Fatal(err)
			}
			if overflow > 0 {
				t.Errorf("the page is %d px wider than the window: it scrolls sideways", overflow)
			}
			shots := os.Getenv("SWITCHBACK_SCREENSHOTS")
			if shots == "" {
				shots = t.TempDir()
			}
			shot := filepath.Join(shots, c.run.ID+".png")
			h, err := p.Screenshot(ctx, shot, 1200, 20000)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d hosts: the page is %d px tall", len(c.run.Hosts), h)
			if h > c.maxH {
				t.Errorf("the page is %d px tall, more than %d", h, c.maxH)
			}
			if problems := p.Problems(); len(problems) > 0 {
				t.Errorf("the page caused errors in the browser:\n  %s", strings.Join(problems, "\n  "))
			}
			checkColours(t, shot, c.colours)
		})
	}
}

// checkColours decodes a screenshot and looks for each colour.
func checkColours(t *testing.T, path string, want []color.RGBA) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	seen := map[color.RGBA]int{}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			seen[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}]++
		}
	}
	for _, c := range want {
		if seen[c] < 20 {
			t.Errorf("the screenshot %s shows colour #%02x%02x%02x in %d pixel(s): the bars did not render", path, c.R, c.G, c.B, seen[c])
		}
	}
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
