// Package report turns engine events into what the operator reads.
package report

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/transport"
)

// Console prints one line per step result and a recap at the end. When
// Progress is set (a terminal), a progress bar is drawn on it below the
// lines; otherwise output is plain lines suitable for logs and CI.
type Console struct {
	Out      io.Writer
	Progress io.Writer // nil: no progress bar
	// Verbose also prints steps that were already converged.
	Verbose bool

	mu    sync.Mutex
	bar   *progressbar.ProgressBar
	check bool
	// header is the current host's heading, printed only once the host
	// has something to say, so a converged fleet prints one line per host.
	header string
	steps  int
	// quiet is set after a one-line host, so those stack without blank lines.
	quiet   bool
	started time.Time
}

var _ runner.Observer = (*Console)(nil)

func (c *Console) Event(ev runner.Event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch e := ev.(type) {
	case runner.RunStarted:
		c.check = e.CheckMode
		c.started = time.Now()
		mode := ""
		if e.CheckMode {
			mode = " (check mode: nothing will be changed)"
		}
		c.printf("Running playbook %q on %d host(s), %d step(s) each, serially%s\n",
			e.Playbook, len(e.Hosts), e.Steps, mode)
		if c.Progress != nil {
			c.bar = progressbar.NewOptions(len(e.Hosts)*e.Steps,
				progressbar.OptionSetWriter(c.Progress),
				progressbar.OptionSetWidth(30),
				progressbar.OptionShowCount(),
				progressbar.OptionClearOnFinish(),
				progressbar.OptionSetPredictTime(false),
			)
		}
	case runner.HostStarted:
		c.header = fmt.Sprintf("%s (%s)", e.Host, e.Endpoint)
		c.steps = 0
		c.describe(e.Host + ": connecting")
	case runner.StepStarted:
		c.describe(fmt.Sprintf("%s: %s / %s", e.Host, e.Phase, e.Step))
	case runner.StepFinished:
		c.advance(1)
		c.steps++
		if e.Status == runner.StatusOK && !c.Verbose {
			return
		}
		c.flushHeader()
		label := string(e.Status)
		if e.Status == runner.StatusChanged && c.check {
			label = "would change"
		}
		c.printf("  %-8s %s / %s\n", label, e.Phase, e.Step)
		if e.Diff != "" {
			c.printf("%s", indent(sanitize(e.Diff), "             "))
		}
		if e.Err != nil && e.Status == runner.StatusFailed {
			c.printf("%s", indent(sanitize(e.Err.Error()), "             "))
		}
	case runner.HostFinished:
		c.advance(e.StepsLeft)
		switch e.Status {
		case runner.HostUnreachable:
			c.flushHeader()
			c.printf("  UNREACHABLE: %s\n", sanitize(reason(e.Err)))
		case runner.HostFailed:
			c.printf("  FAILED: the remaining steps of %s were not run\n", e.Host)
		case runner.HostOK:
			if c.header != "" {
				if !c.quiet {
					c.printf("\n")
				}
				c.printf("%s: ok, all %d step(s) already converged\n", c.header, c.steps)
				c.header = ""
				c.quiet = true
			}
		}
	case runner.RunFinished:
		if c.bar != nil {
			_ = c.bar.Finish()
			_ = c.bar.Clear()
			c.bar = nil
		}
		c.recap(e.Recap)
	}
}

func (c *Console) flushHeader() {
	if c.header != "" {
		c.printf("\n%s\n", c.header)
		c.header = ""
		c.quiet = false
	}
}

// reason drops the host name that a transport error leads with: the
// line is already under the host's heading.
func reason(err error) string {
	var u *transport.UnreachableError
	if errors.As(err, &u) {
		return u.Err.Error()
	}
	return err.Error()
}

func (c *Console) recap(r *runner.Recap) {
	width := 4
	for _, h := range r.Hosts {
		width = max(width, len(h.Host))
	}
	c.printf("\nRECAP\n")
	for _, h := range r.Hosts {
		unreachable := 0
		if h.Status == runner.HostUnreachable {
			unreachable = 1
		}
		c.printf("%-*s  ok=%-3d changed=%-3d failed=%-3d unreachable=%d\n",
			width, h.Host, h.OK, h.Changed, h.Failed, unreachable)
	}
	c.printf("%d host(s): %d ok, %d failed, %d unreachable, in %s\n", len(r.Hosts),
		r.Count(runner.HostOK), r.Count(runner.HostFailed), r.Count(runner.HostUnreachable),
		time.Since(c.started).Round(10*time.Millisecond))
}

// printf writes a line above the progress bar, then draws the bar again.
func (c *Console) printf(format string, args ...any) {
	if c.bar != nil {
		_ = c.bar.Clear()
	}
	fmt.Fprintf(c.Out, format, args...)
	if c.bar != nil {
		_ = c.bar.RenderBlank()
	}
}

func (c *Console) describe(s string) {
	if c.bar != nil {
		c.bar.Describe(s)
	}
}

func (c *Console) advance(n int) {
	if c.bar != nil && n > 0 {
		_ = c.bar.Add(n)
	}
}

func indent(s, prefix string) string {
	s = strings.TrimRight(s, "\n")
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix) + "\n"
}

// sanitize keeps text that came from a host from driving the operator's
// terminal: control characters other than newline and tab (ANSI escape
// sequences among them) are shown as "?".
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return '?'
		}
		return r
	}, s)
}
