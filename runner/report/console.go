// Package report turns engine events into what the operator reads.
package report

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/rollout"
	"github.com/switchbackhq/switchback/runner/transport"
)

// Console prints each host's results as one block when the host is done
// (hosts of a wave run concurrently, and interleaved lines would be
// unreadable), wave headers, halts, and a recap at the end. When Progress
// is set (a terminal), a progress bar is drawn on it below the lines.
type Console struct {
	Out      io.Writer
	Progress io.Writer // nil: no progress bar
	// Verbose also prints steps that were already converged.
	Verbose bool
	// Diff prints each change's whole diff; otherwise a long one is cut
	// after diffLines lines, saying how many more there are.
	Diff bool

	mu  sync.Mutex
	bar *progressbar.ProgressBar
	// wave is the current wave's progress, shown beside the overall bar.
	wave    struct{ index, of, hosts, done int }
	check   bool
	waves   int
	started time.Time
	hosts   map[string]*hostBlock
	// quiet is set after a one-line host, so those stack without blank lines.
	quiet bool
	// cells is the host × phase matrix printed before the recap.
	phases []string
	cells  map[string]map[string]string
}

type hostBlock struct {
	header string
	lines  strings.Builder
	steps  int
	// stepFailed says a failed step already explained the host's failure.
	stepFailed bool
}

var _ runner.Observer = (*Console)(nil)

func (c *Console) Event(ev runner.Event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch e := ev.(type) {
	case runner.RunStarted:
		c.runStarted(e)
	case runner.WaveStarted:
		c.wave.index, c.wave.of, c.wave.hosts, c.wave.done = e.Index, e.Of, len(e.Hosts), 0
		c.describe("starting")
		if c.waves > 1 {
			kind := ""
			switch {
			case e.Rollout != "":
				kind = fmt.Sprintf(" (rollout %q)", e.Rollout)
			case e.Index == 1:
				kind = " (canary)"
			}
			switch {
			case e.Fleet > 0 && len(e.Hosts) == 0:
				c.printf("\n=== Wave %d/%d%s: %d host(s) fleet-wide, none of them here: waiting for the shards that have some\n",
					e.Index, e.Of, kind, e.Fleet)
			case e.Fleet > 0:
				c.printf("\n=== Wave %d/%d%s: %d host(s) fleet-wide, %d of them here, tolerates %d failure(s) fleet-wide\n",
					e.Index, e.Of, kind, e.Fleet, len(e.Hosts), e.Tolerance)
			default:
				c.printf("\n=== Wave %d/%d%s: %d host(s), tolerates %d failure(s)\n", e.Index, e.Of, kind, len(e.Hosts), e.Tolerance)
			}
			c.quiet = false
		}
	case runner.ShardsWaiting:
		c.printf("Waiting %s for the shards that have not finished wave %d: %s\n", e.Since, e.Wave, strings.Join(e.Shards, "; "))
		c.quiet = false
	case runner.GroupTrouble:
		c.printf("switchback: warning: %s\n", sanitize(e.Err.Error()))
	case runner.WaveFinished:
		if c.waves > 1 && c.wave.hosts > 0 {
			c.printf("--- Wave %d: %d ok, %d failed, %d unreachable", e.Index, e.OK, e.Failed, e.Unreachable)
			if e.Unstarted > 0 {
				c.printf(", %d stopped or not started", e.Unstarted)
			}
			c.printf("\n")
			c.quiet = false
		}
	case runner.Paused:
		if e.Wait > 0 {
			c.printf("\nPausing %s before wave %d.\n", e.Wait, e.Before)
		}
	case runner.Halted:
		c.printf("\nHALT: %s. No new host will start; hosts in flight stop after their current step.\n", e.Reason)
		c.quiet = false
	case runner.HostStarted:
		c.hosts[e.Host] = &hostBlock{header: fmt.Sprintf("%s (%s)", e.Host, e.Endpoint)}
		c.describe(e.Host + ": connecting")
	case runner.StepStarted:
		c.describe(fmt.Sprintf("%s: %s / %s", e.Host, e.Phase, e.Step))
	case runner.StepFinished:
		c.stepFinished(e)
	case runner.HostFinished:
		c.wave.done++
		c.describe(e.Host + ": " + string(e.Status))
		c.hostFinished(e)
	case runner.SnapshotTaken:
		if b := c.hosts[e.Host]; b != nil {
			fmt.Fprintf(&b.lines, "  snapshot %s (before the first change)\n", e.Snapshot.Location)
		}
	case runner.RollbackStarted:
		c.describe(e.Host + ": rolling back")
		// Its on_rollback steps, if any, report under a heading of their
		// own. A later 'switchback rollback' starts with this event.
		if c.hosts == nil {
			c.hosts = map[string]*hostBlock{}
		}
		c.hosts[e.Host] = &hostBlock{header: e.Host + " (rolling back)"}
	case runner.RollbackFinished:
		if b := c.hosts[e.Host]; b != nil {
			delete(c.hosts, e.Host)
			if b.lines.Len() > 0 {
				c.printf("\n%s\n%s", b.header, b.lines.String())
			}
		}
		if e.Err != nil {
			c.printf("ROLLBACK FAILED on %s: %s\n", e.Host, sanitize(e.Err.Error()))
		} else {
			c.printf("ROLLED BACK %s: restored from its snapshot\n", e.Host)
		}
		c.quiet = false
	case runner.RunFinished:
		if c.bar != nil {
			_ = c.bar.Finish()
			_ = c.bar.Clear()
			c.bar = nil
		}
		c.recap(e.Recap)
	}
}

func (c *Console) runStarted(e runner.RunStarted) {
	c.check = e.CheckMode
	c.started = time.Now()
	c.waves = len(e.Waves)
	c.hosts = map[string]*hostBlock{}
	c.phases = e.Phases
	c.cells = map[string]map[string]string{}
	for _, h := range e.Hosts {
		c.cells[h] = map[string]string{}
	}
	mode := ""
	if e.CheckMode {
		mode = " (check mode: nothing will be changed)"
	}
	route := describeRoute(e.Route, e.Waves)
	if len(e.Segments) > 1 {
		var parts []string
		for _, sg := range e.Segments {
			name := "the other hosts"
			if sg.Name != "" {
				name = fmt.Sprintf("rollout %q", sg.Name)
			}
			parts = append(parts, fmt.Sprintf("%s (%d) %s", name, sg.Hosts, describeRoute(sg.Route, sg.Waves)))
		}
		route = strings.Join(parts, "; then ")
	}
	if e.Shard != nil {
		c.printf("Shard %d/%d of a shard group: %d of the fleet's hosts run here; waves, thresholds and halts are the whole fleet's.\n",
			e.Shard.Index, e.Shard.Of, e.Shard.Hosts)
		route = strings.Replace(route, "max_fail", "fleet-wide max_fail", 1)
	}
	c.printf("Running playbook %q on %d host(s), %d step(s) each, %s%s\n",
		e.Playbook, len(e.Hosts), e.Steps, route, mode)
	if c.Progress != nil {
		c.bar = progressbar.NewOptions(len(e.Hosts)*e.Steps,
			progressbar.OptionSetWriter(c.Progress),
			progressbar.OptionSetWidth(30),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetPredictTime(false),
		)
	}
}

// describeRoute says in words how hosts will be run.
func describeRoute(r rollout.Route, waves []int) string {
	if r.Strategy == rollout.Serial {
		s := "serially"
		if r.MaxFail.Limited() {
			s += ", halting when more than max_fail " + r.MaxFail.String() + " fail"
		}
		return s
	}
	sizes := make([]string, len(waves))
	for i, n := range waves {
		sizes[i] = fmt.Sprint(n)
	}
	return fmt.Sprintf("in %d wave(s) of %s, %d at a time, by %s, max_fail %s per wave",
		len(waves), strings.Join(sizes, "+"), r.Forks, r.Order, r.MaxFail)
}

// cellRank orders what a phase cell shows: the worst outcome of its steps.
var cellRank = map[string]int{"": 0, "skipped": 1, "ok": 2, "changed": 3, "failed": 4}

func (c *Console) stepFinished(e runner.StepFinished) {
	c.advance(1)
	cell := string(e.Status)
	if e.Ignored {
		cell = "ok" // the host went on
	}
	if row := c.cells[e.Host]; row != nil && cellRank[cell] > cellRank[row[e.Phase]] {
		row[e.Phase] = cell
	}
	b := c.hosts[e.Host]
	if b == nil {
		return
	}
	b.steps++
	if (e.Status == runner.StatusOK || e.Status == runner.StatusSkipped) && !c.Verbose {
		return
	}
	label := string(e.Status)
	switch {
	case e.Status == runner.StatusChanged && c.check:
		label = "would change"
	case e.Ignored:
		label = "failed (ignored)"
	}
	fmt.Fprintf(&b.lines, "  %-8s %s / %s", label, e.Phase, e.Step)
	if e.Reason != "" {
		fmt.Fprintf(&b.lines, " (%s)", e.Reason)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b.lines, " (after %d attempts)", e.Attempts)
	}
	b.lines.WriteString("\n")
	if e.Diff != "" {
		b.lines.WriteString(indent(sanitize(c.shortDiff(e.Diff)), "             "))
	}
	if e.Err != nil && e.Status == runner.StatusFailed {
		b.lines.WriteString(indent(sanitize(e.Err.Error()), "             "))
		b.stepFailed = b.stepFailed || !e.Ignored
	}
}

// diffLines is how much of a diff the console shows without --diff.
const diffLines = 12

func (c *Console) shortDiff(diff string) string {
	if c.Diff {
		return diff
	}
	lines := strings.SplitAfter(strings.TrimSuffix(diff, "\n"), "\n")
	if len(lines) <= diffLines {
		return diff
	}
	return strings.Join(lines[:diffLines], "") + fmt.Sprintf("\n… %d more line(s); --diff shows whole diffs\n", len(lines)-diffLines)
}

func (c *Console) hostFinished(e runner.HostFinished) {
	c.advance(e.StepsLeft)
	b := c.hosts[e.Host]
	if b == nil {
		return
	}
	delete(c.hosts, e.Host)
	switch e.Status {
	case runner.HostUnreachable:
		fmt.Fprintf(&b.lines, "  UNREACHABLE: %s\n", sanitize(reason(e.Err)))
	case runner.HostFailed:
		if e.Err != nil && !b.stepFailed {
			// Failed outside a step (its lock, its facts, the batched
			// checks): no step line carries the reason.
			fmt.Fprintf(&b.lines, "  FAILED: %s\n", sanitize(e.Err.Error()))
		}
		fmt.Fprintf(&b.lines, "  FAILED: the remaining steps of %s were not run\n", e.Host)
	case runner.HostNotStarted:
		fmt.Fprintf(&b.lines, "  NOT STARTED: %s\n", sanitize(e.Err.Error()))
	case runner.HostHalted:
		if e.Err != nil {
			fmt.Fprintf(&b.lines, "  HALTED: %s\n", sanitize(e.Err.Error()))
		} else {
			fmt.Fprintf(&b.lines, "  HALTED: stopped after %d step(s) because the run halted\n", b.steps)
		}
	}
	if b.lines.Len() == 0 {
		if !c.quiet {
			c.printf("\n")
		}
		c.printf("%s: ok, all %d step(s) already converged\n", b.header, b.steps)
		c.quiet = true
		return
	}
	c.printf("\n%s\n%s", b.header, b.lines.String())
	c.quiet = false
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

// matrix prints hosts against phases, so that where a rollout stopped
// can be read at a glance.
func (c *Console) matrix(r *runner.Recap) {
	if len(c.phases) < 2 && c.waves < 2 {
		return
	}
	c.printf("\nHOST × PHASE\n")
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\t%s\toutcome\n", strings.Join(c.phases, "\t"))
	for _, h := range r.Hosts {
		row := c.cells[h.Host]
		cells := make([]string, len(c.phases))
		stopped := false // the cell saying why the host went no further is written
		for i, ph := range c.phases {
			v := row[ph]
			switch {
			case v != "":
			case h.Status == runner.HostNotStarted || stopped:
				v = "-"
			case h.Status == runner.HostFailed:
				v = "skipped"
			default: // unreachable or halted before this phase
				v, stopped = string(h.Status), true
			}
			cells[i] = v
		}
		outcome := string(h.Status)
		if h.Resumed {
			outcome += " (before the resume)"
		}
		switch {
		case h.RollbackErr != nil:
			outcome += ", ROLLBACK FAILED"
		case h.RolledBack:
			outcome += ", rolled back"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", h.Host, strings.Join(cells, "\t"), outcome)
	}
	tw.Flush()
	c.printf("%s", b.String())
}

func (c *Console) recap(r *runner.Recap) {
	c.matrix(r)
	width := 4
	for _, h := range r.Hosts {
		width = max(width, len(h.Host))
	}
	c.printf("\nRECAP\n")
	for _, h := range r.Hosts {
		note, unreachable := "", 0
		switch h.Status {
		case runner.HostUnreachable:
			unreachable = 1
		case runner.HostHalted:
			note = "  (halted)"
		case runner.HostNotStarted:
			note = "  (not started)"
		}
		if h.Resumed {
			note += "  (finished before the resume)"
		}
		switch {
		case h.RollbackErr != nil:
			note += "  (ROLLBACK FAILED)"
		case h.RolledBack:
			note += "  (rolled back)"
		}
		wave := ""
		if c.waves > 1 {
			wave = fmt.Sprintf("wave %-2d  ", h.Wave)
		}
		extra := ""
		if h.Skipped > 0 {
			extra += fmt.Sprintf(" skipped=%d", h.Skipped)
		}
		if h.Ignored > 0 {
			extra += fmt.Sprintf(" ignored=%d", h.Ignored)
		}
		c.printf("%-*s  %sok=%-3d changed=%-3d failed=%-3d unreachable=%d%s%s\n", width, h.Host, wave, h.OK, h.Changed, h.Failed, unreachable, extra, note)
	}
	c.printf("%d host(s): %d ok, %d failed, %d unreachable", len(r.Hosts),
		r.Count(runner.HostOK), r.Count(runner.HostFailed), r.Count(runner.HostUnreachable))
	if n := r.Count(runner.HostHalted); n > 0 {
		c.printf(", %d halted", n)
	}
	if n := r.Count(runner.HostNotStarted); n > 0 {
		c.printf(", %d not started", n)
	}
	c.printf(", in %s\n", time.Since(c.started).Round(10*time.Millisecond))
	if r.Shard != nil && r.Fleet != nil {
		total := 0
		for _, n := range r.Fleet {
			total += n
		}
		c.printf("Whole fleet (%d shards): %d host(s): %d ok, %d failed, %d unreachable, %d halted, %d not started or still running\n",
			r.Shard.Of, total, r.Fleet[runner.HostOK], r.Fleet[runner.HostFailed], r.Fleet[runner.HostUnreachable], r.Fleet[runner.HostHalted],
			total-r.Fleet[runner.HostOK]-r.Fleet[runner.HostFailed]-r.Fleet[runner.HostUnreachable]-r.Fleet[runner.HostHalted])
	}
	if r.Halt != nil {
		c.printf("HALTED in wave %d: %s\n", r.Halt.Wave, r.Halt.Reason)
	}
	rolledBack, failed := 0, 0
	for _, h := range r.Hosts {
		if h.RolledBack {
			rolledBack++
		}
		if h.RollbackErr != nil {
			failed++
		}
	}
	if rolledBack+failed > 0 {
		c.printf("Rolled back %d host(s)", rolledBack)
		if failed > 0 {
			c.printf("; %d ROLLBACK(S) FAILED: those hosts need attention", failed)
		}
		c.printf("\n")
	}
}

// printf writes above the progress bar, then draws the bar again.
func (c *Console) printf(format string, args ...any) {
	if c.bar != nil {
		_ = c.bar.Clear()
	}
	fmt.Fprintf(c.Out, format, args...)
	if c.bar != nil {
		_ = c.bar.RenderBlank()
	}
}

// describe labels the bar: the wave's own progress, then what runs.
func (c *Console) describe(s string) {
	if c.bar == nil {
		return
	}
	if c.wave.of > 1 {
		s = fmt.Sprintf("wave %d/%d: %d/%d host(s) done · %s", c.wave.index, c.wave.of, c.wave.done, c.wave.hosts, s)
	}
	c.bar.Describe(s)
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
