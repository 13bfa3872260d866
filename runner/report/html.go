package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/switchbackhq/switchback/runner"
	"github.com/switchbackhq/switchback/runner/state"
)

//go:embed run.html.tmpl
var runPageSource string

var runPage = template.Must(template.New("run").Funcs(template.FuncMap{
	"plural": func(n int, word string) string { return plural(n, word) },
}).Parse(runPageSource))

// Limits that keep a page readable and its size bounded whatever the
// run: past them the page says how much it left out.
const (
	pageDiffGroups   = 200 // steps whose changes are shown
	pageStepDiffs    = 5   // distinct diffs shown per step
	pageDiffLines    = 400 // lines of one diff
	pageFailures     = 200 // failed hosts listed
	pageRollbacks    = 500 // rolled back hosts listed
	pageErrorLines   = 12  // lines of one error
	compactAbove     = 40  // hosts: above, the timeline has no name per row
	timelineWidth    = 1040
	timelineLabelW   = 170
	timelineRightPad = 24
)

// WriteHTML writes the run's page: one self-contained HTML document
// (inline CSS and SVG, no script, no external asset; a Content Security
// Policy forbids loading anything) with the waves on a timeline, the host
// × phase matrix, each distinct change with its diff, the failures, the
// halt, the rollbacks, the gate and how the run was started.
func WriteHTML(w io.Writer, ev *Evidence) error {
	var b bytes.Buffer
	if err := runPage.Execute(&b, newPage(ev)); err != nil {
		return fmt.Errorf("the run's HTML page: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

type page struct {
	Run                    state.Run
	OutcomeClass, Outcome  string
	Started, Took          string
	Counts                 HostCounts
	Waves                  []WaveCount
	Timeline               timeline
	Phases                 []string
	Matrix                 []matrixRow
	Changes                []changeGroup
	ChangesLeft            int
	Failures               []Failure
	FailuresLeft           int
	HaltAt                 string
	Rollbacks              []rollbackRow
	RollbacksLeft          int
	Gate                   *gateView
	Route                  []state.RouteRecord
	CommandLine, Dir       string
	Withheld               []string
	Recorded               bool
	CheckMode              bool
	HostsTotal, StepsTotal int
	MatrixCompact          bool
}

func newPage(ev *Evidence) *page {
	p := &page{Run: ev.Run, Counts: ev.Counts(), Waves: ev.WaveCounts(), Route: ev.Run.Route,
		CheckMode: ev.Run.CheckMode, HostsTotal: len(ev.Hosts), StepsTotal: len(ev.Steps)}
	p.OutcomeClass, p.Outcome = ev.Outcome()
	p.Run.HaltReason = Printable(p.Run.HaltReason)
	p.Started = stamp(ev.Run.StartedAt)
	p.Took = span(ev.Duration())
	if !ev.Run.HaltedAt.IsZero() {
		p.HaltAt = stamp(ev.Run.HaltedAt) + " (" + offset(ev.Run.HaltedAt.Sub(ev.Run.StartedAt)) + " into the run)"
	}
	if ev.Invocation != nil {
		p.Recorded = true
		p.CommandLine = ev.CommandLine()
		p.Dir = Printable(ev.Invocation.Dir)
		p.Withheld = ev.Invocation.Withheld
	}
	p.Phases = ev.phases()
	p.Timeline = newTimeline(ev)
	p.Matrix = matrix(ev, p.Phases)
	p.MatrixCompact = len(ev.Hosts) > compactAbove
	p.Changes, p.ChangesLeft = changes(ev, p.Phases)
	p.Failures = ev.Failures()
	if n := len(p.Failures); n > pageFailures {
		p.Failures, p.FailuresLeft = p.Failures[:pageFailures], n-pageFailures
	}
	for i := range p.Failures {
		p.Failures[i].Error = firstLines(p.Failures[i].Error, pageErrorLines)
	}
	p.Rollbacks, p.RollbacksLeft = rollbacks(ev)
	p.Gate = gate(ev)
	return p
}

// phases are the run's phases in order; runs recorded before phases were
// kept list them as their steps first ran.
func (ev *Evidence) phases() []string {
	phases := slices.Clone(ev.Run.Phases)
	for _, s := range ev.Steps {
		if !slices.Contains(phases, s.Phase) {
			phases = append(phases, s.Phase)
		}
	}
	return phases
}

// timeline is the SVG of the run: a band per wave, a bar per host.
type timeline struct {
	W, H, X0, X1, AxisY int
	Compact             bool
	Ticks               []tick
	Bands               []band
	Bars                []bar
	Halt                *marker
	Empty               bool
}

type tick struct {
	X     int
	Label string
}

type band struct {
	Y, H, X, W int // the wave's rows, and its span in time
	LabelY     int
	SpanY      int
	Label      string
	Detail     string
	Shade      bool
	Started    bool
}

type bar struct {
	Host, Status, Title string
	// Note names a host that did not end ok beside its bar, where rows
	// are too thin for names.
	Note         string
	NoteX        int
	Y, H, LabelY int
	X, W         int
	Drawn        bool // the host started
	Snapshot     *marker
	Rollback     *rollbackSpan
}

type marker struct {
	X      int
	Points string // a diamond, for a snapshot
	Title  string
}

type rollbackSpan struct {
	X, Y, W, H int
	Failed     bool
	Title      string
}

func newTimeline(ev *Evidence) timeline {
	t := timeline{W: timelineWidth, X0: timelineLabelW, X1: timelineWidth - timelineRightPad}
	t.Compact = len(ev.Hosts) > compactAbove
	start, end := ev.Run.StartedAt, ev.end()
	total := end.Sub(start)
	if total <= 0 {
		total = time.Second
	}
	x := func(at time.Time) int {
		if at.IsZero() {
			return t.X0
		}
		f := float64(at.Sub(start)) / float64(total)
		return t.X0 + int(math.Round(f*float64(t.X1-t.X0)))
	}
	rowH, gap, head := 18, 4, 22
	if t.Compact {
		rowH, gap, head = 5, 1, 20
	}
	y := 8
	hostsOf := map[int][]state.Host{}
	for _, h := range ev.Hosts {
		hostsOf[h.Wave] = append(hostsOf[h.Wave], h)
	}
	for i, wc := range ev.WaveCounts() {
		w := wc.Wave
		hosts := hostsOf[w.Wave]
		b := band{Y: y, LabelY: y + 14, SpanY: y + head - 4, Shade: i%2 == 0, Started: wc.Started}
		switch {
		case w.Wave == 0:
			b.Label = "Not started"
			b.Detail = plural(len(hosts), "host") + ": the run stopped before their wave"
		default:
			b.Label = fmt.Sprintf("Wave %d", w.Wave)
			if w.Rollout != "" {
				b.Label += " · " + w.Rollout
			}
			b.Detail = waveDetail(wc, len(hosts))
		}
		y += head
		if wc.Started {
			b.X = x(w.StartedAt)
			fin := w.FinishedAt
			if fin.IsZero() {
				fin = end
			}
			b.W = max(x(fin)-b.X, 1)
		}
		for _, h := range hosts {
			br := bar{Host: h.Host, Status: statusClass(h.Status), Y: y, H: rowH, LabelY: y + rowH - 5}
			br.Title = h.Host + ": " + h.Status
			if !h.StartedAt.IsZero() && wc.Started {
				br.Drawn = true
				br.X = x(h.StartedAt)
				fin := h.FinishedAt
				if fin.IsZero() {
					fin = end
				}
				br.W = max(x(fin)-br.X, 2)
				br.Title += fmt.Sprintf(", %s from %s", span(fin.Sub(h.StartedAt)), offset(h.StartedAt.Sub(start)))
				if h.Changed > 0 {
					br.Title += ", " + plural(h.Changed, "change")
				}
			}
			if !h.SnapshotAt.IsZero() {
				sx, r := x(h.SnapshotAt), max(rowH/2, 3)
				cy := y + rowH/2
				br.Snapshot = &marker{X: sx, Title: fmt.Sprintf("%s: snapshot taken at %s", h.Host, offset(h.SnapshotAt.Sub(start))),
					Points: fmt.Sprintf("%d,%d %d,%d %d,%d %d,%d", sx, cy-r, sx+r, cy, sx, cy+r, sx-r, cy)}
			}
			if h.RolledBack || h.RollbackError != "" {
				from, to := h.RollbackStartedAt, h.RollbackFinishedAt
				if from.IsZero() {
					from = to
				}
				rb := &rollbackSpan{Failed: h.RollbackError != "", Y: y, H: rowH}
				if !to.IsZero() && !to.Before(start) && !to.After(end) {
					rb.X = x(from)
					rb.W = max(x(to)-rb.X, 3)
				} else {
					rb = nil // rolled back later, by 'switchback rollback': no place on this run's time
				}
				if rb != nil {
					rb.Title = h.Host + ": rolled back"
					if rb.Failed {
						rb.Title = h.Host + ": ROLLBACK FAILED"
					}
					br.Rollback = rb
				}
				br.Title += ", rolled back"
				if h.RollbackError != "" {
					br.Title += " (failed)"
				}
			}
			if !br.Drawn && !t.Compact {
				br.Title = h.Host + ": not started"
			}
			if t.Compact && br.Drawn && (br.Status != "ok" || br.Rollback != nil) {
				br.Note, br.NoteX = h.Host, br.X+br.W+4
				if br.Rollback != nil {
					br.NoteX = max(br.NoteX, br.Rollback.X+br.Rollback.W+4)
				}
			}
			t.Bars = append(t.Bars, br)
			y += rowH + gap
		}
		if w.Wave == 0 && t.Compact {
			// Hosts that never started have nothing to draw: one row says so.
			t.Bars = t.Bars[:len(t.Bars)-len(hosts)]
			y -= len(hosts) * (rowH + gap)
		}
		y += 6
		b.H = y - b.Y - 3
		t.Bands = append(t.Bands, b)
	}
	t.Empty = len(t.Bands) == 0
	if !ev.Run.HaltedAt.IsZero() {
		t.Halt = &marker{X: x(ev.Run.HaltedAt), Title: "halt: " + Printable(ev.Run.HaltReason)}
	}
	t.AxisY = y + 4
	t.H = t.AxisY + 22
	for _, d := range ticks(total) {
		t.Ticks = append(t.Ticks, tick{X: x(start.Add(d)), Label: offset(d)})
	}
	return t
}

func waveDetail(wc WaveCount, hosts int) string {
	c := wc.Count
	parts := []string{plural(hosts, "host")}
	if c.OK > 0 {
		parts = append(parts, fmt.Sprintf("%d ok", c.OK))
	}
	if c.Failed > 0 {
		parts = append(parts, fmt.Sprintf("%d failed", c.Failed))
	}
	if c.Unreachable > 0 {
		parts = append(parts, fmt.Sprintf("%d unreachable", c.Unreachable))
	}
	if c.Halted > 0 {
		parts = append(parts, fmt.Sprintf("%d halted", c.Halted))
	}
	if c.RolledBack > 0 {
		parts = append(parts, fmt.Sprintf("%d rolled back", c.RolledBack))
	}
	if wc.Started {
		parts = append(parts, fmt.Sprintf("tolerates %d", wc.Wave.Tolerance))
	}
	return strings.Join(parts, " · ")
}

// ticks picks round offsets for the time axis: about six of them.
func ticks(total time.Duration) []time.Duration {
	steps := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 500 * time.Millisecond, time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second, 15 * time.Second, 30 * time.Second,
		time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute,
		time.Hour, 2 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour}
	step := steps[len(steps)-1]
	for _, s := range steps {
		if total/s <= 6 {
			step = s
			break
		}
	}
	var out []time.Duration
	for d := time.Duration(0); d <= total; d += step {
		out = append(out, d)
	}
	return out
}

func statusClass(status string) string {
	switch runner.HostStatus(status) {
	case runner.HostOK, runner.HostFailed, runner.HostUnreachable, runner.HostHalted:
		return status
	case runner.HostNotStarted:
		return "not-started"
	}
	return "running"
}

// matrixRow is one host's line of the host × phase matrix.
type matrixRow struct {
	Host, Status, StatusText string
	Wave                     int
	Cells                    []cell
	RolledBack               bool
}

type cell struct {
	Class, Text, Title string
}

func matrix(ev *Evidence, phases []string) []matrixRow {
	type key struct{ host, phase string }
	steps := map[key][]state.Step{}
	for _, s := range ev.Steps {
		k := key{s.Host, s.Phase}
		steps[k] = append(steps[k], s)
	}
	var rows []matrixRow
	for _, h := range ev.Hosts {
		row := matrixRow{Host: h.Host, Wave: h.Wave, Status: statusClass(h.Status), StatusText: h.Status, RolledBack: h.RolledBack}
		for _, ph := range phases {
			row.Cells = append(row.Cells, phaseCell(steps[key{h.Host, ph}]))
		}
		rows = append(rows, row)
	}
	return rows
}

// phaseCell sums up a host's steps in one phase: failed if one failed
// (and did not ignore it), changed if one changed, ok if all ran
// converged, skipped if none ran, empty if the host never got there.
func phaseCell(steps []state.Step) cell {
	if len(steps) == 0 {
		return cell{Class: "none", Text: "·", Title: "not reached"}
	}
	var changed, ok, skipped, running int
	var failed *state.Step
	for i, s := range steps {
		switch runner.Status(s.Status) {
		case runner.StatusFailed:
			if s.Ignored {
				ok++
			} else if failed == nil {
				failed = &steps[i]
			}
		case runner.StatusChanged:
			changed++
		case runner.StatusOK:
			ok++
		case runner.StatusSkipped:
			skipped++
		default:
			running++
		}
	}
	switch {
	case failed != nil:
		return cell{Class: "failed", Text: "✗ " + failed.Step, Title: failed.Step + ": " + firstLines(Printable(failed.Error), 3)}
	case running > 0:
		return cell{Class: "running", Text: "interrupted", Title: "a step was running when the record ends"}
	case changed > 0:
		return cell{Class: "changed", Text: fmt.Sprintf("%d changed", changed), Title: fmt.Sprintf("%d changed, %d ok, %d skipped", changed, ok, skipped)}
	case ok > 0:
		return cell{Class: "ok", Text: "ok", Title: fmt.Sprintf("%d ok, %d skipped", ok, skipped)}
	}
	return cell{Class: "skipped", Text: "skipped", Title: plural(skipped, "step") + " skipped"}
}

// changeGroup is one step that changed hosts, with each distinct diff
// it made and the hosts it made it on.
type changeGroup struct {
	Phase, Step, Type string
	Hosts             int
	Diffs             []diffGroup
	DiffsLeft         int // distinct diffs not shown
	DiffsTotal        int
	HostsLeft         int // hosts of those
	Open              bool
	CheckMode         bool
}

type diffGroup struct {
	Hosts     []string
	Lines     []diffLine
	LinesLeft int
}

type diffLine struct {
	Class, Text string
}

// changes groups the changed steps by phase and step, in phase order,
// and each step's changes by identical diff: a change made on 200 hosts
// is shown once. Past pageStepDiffs distinct diffs a step says how many
// more there are rather than show them all.
func changes(ev *Evidence, phases []string) ([]changeGroup, int) {
	type stepKey struct{ phase, step string }
	var groups []*changeGroup
	byStep := map[stepKey]*changeGroup{}
	byDiff := map[stepKey]map[string]int{}
	for _, s := range ev.Steps {
		if s.Status != string(runner.StatusChanged) {
			continue
		}
		k := stepKey{s.Phase, s.Step}
		g := byStep[k]
		if g == nil {
			g = &changeGroup{Phase: s.Phase, Step: s.Step, Type: s.Type, CheckMode: ev.Run.CheckMode}
			byStep[k] = g
			byDiff[k] = map[string]int{}
			groups = append(groups, g)
		}
		g.Hosts++
		i, ok := byDiff[k][s.Diff]
		if !ok {
			g.DiffsTotal++
			if len(g.Diffs) >= pageStepDiffs {
				g.DiffsLeft++
				g.HostsLeft++
				byDiff[k][s.Diff] = -1
				continue
			}
			i = len(g.Diffs)
			byDiff[k][s.Diff] = i
			d := diffGroup{}
			d.Lines, d.LinesLeft = pageDiff(s.Diff)
			g.Diffs = append(g.Diffs, d)
		}
		if i < 0 {
			g.HostsLeft++
			continue
		}
		g.Diffs[i].Hosts = append(g.Diffs[i].Hosts, s.Host)
	}
	order := func(phase string) int {
		if i := slices.Index(phases, phase); i >= 0 {
			return i
		}
		return len(phases)
	}
	slices.SortStableFunc(groups, func(a, b *changeGroup) int { return order(a.Phase) - order(b.Phase) })
	left := 0
	if len(groups) > pageDiffGroups {
		left = len(groups) - pageDiffGroups
		groups = groups[:pageDiffGroups]
	}
	rank := map[string]int{}
	for i, h := range ev.Hosts {
		rank[h.Host] = i
	}
	out := make([]changeGroup, len(groups))
	for i, g := range groups {
		g.Open = len(groups) <= 12 && len(g.Diffs) <= 3
		for _, d := range g.Diffs {
			slices.SortFunc(d.Hosts, func(a, b string) int { return rank[a] - rank[b] })
		}
		out[i] = *g
	}
	return out, left
}

func pageDiff(diff string) ([]diffLine, int) {
	diff = strings.TrimRight(Printable(diff), "\n")
	if diff == "" {
		return nil, 0
	}
	lines := strings.Split(diff, "\n")
	left := 0
	if len(lines) > pageDiffLines {
		left = len(lines) - pageDiffLines
		lines = lines[:pageDiffLines]
	}
	out := make([]diffLine, len(lines))
	for i, l := range lines {
		class := ""
		switch {
		case strings.HasPrefix(l, "+++") || strings.HasPrefix(l, "---"):
			class = "meta"
		case strings.HasPrefix(l, "@@"):
			class = "hunk"
		case strings.HasPrefix(l, "+"):
			class = "add"
		case strings.HasPrefix(l, "-"):
			class = "del"
		}
		out[i] = diffLine{Class: class, Text: l}
	}
	return out, left
}

type rollbackRow struct {
	Host, Snapshot, Provider, When, Took, Error string
	Wave                                        int
	Failed                                      bool
}

func rollbacks(ev *Evidence) ([]rollbackRow, int) {
	var out []rollbackRow
	for _, h := range ev.Hosts {
		if !h.RolledBack && h.RollbackError == "" {
			continue
		}
		r := rollbackRow{Host: h.Host, Wave: h.Wave, Snapshot: Printable(h.Snapshot), Provider: h.SnapshotProvider,
			Error: firstLines(Printable(h.RollbackError), pageErrorLines), Failed: h.RollbackError != ""}
		if r.Provider == "" && r.Snapshot != "" {
			r.Provider = "files"
		}
		if !h.RollbackFinishedAt.IsZero() {
			r.When = stamp(h.RollbackFinishedAt)
			if !h.RollbackStartedAt.IsZero() {
				r.Took = span(h.RollbackFinishedAt.Sub(h.RollbackStartedAt))
			}
		}
		out = append(out, r)
	}
	if len(out) > pageRollbacks {
		return out[:pageRollbacks], len(out) - pageRollbacks
	}
	return out, 0
}

// gateView is how the hosts fared in the gate, the checks run on each
// host after it converged: a line per check, then the hosts that failed
// one.
type gateView struct {
	Steps          []gateStep
	Names          []string
	Passed, Failed int
	Rows           []gateRow // hosts that failed a check
}

type gateStep struct {
	Name                    string
	Passed, Failed, Skipped int
}

type gateRow struct {
	Host  string
	Cells []cell
}

// gatePhase is the name the engine gives the gate's checks.
const gatePhase = "gate"

func gate(ev *Evidence) *gateView {
	g := &gateView{}
	results := map[string]map[string]state.Step{}
	var hosts []string
	for _, s := range ev.Steps {
		if s.Phase != gatePhase {
			continue
		}
		if !slices.Contains(g.Names, s.Step) {
			g.Names = append(g.Names, s.Step)
		}
		if results[s.Host] == nil {
			results[s.Host] = map[string]state.Step{}
			hosts = append(hosts, s.Host)
		}
		results[s.Host][s.Step] = s
	}
	if len(g.Names) == 0 {
		return nil
	}
	g.Steps = make([]gateStep, len(g.Names))
	for i, n := range g.Names {
		g.Steps[i].Name = n
	}
	for _, h := range hosts {
		row := gateRow{Host: h}
		failed := false
		for i, name := range g.Names {
			s, ok := results[h][name]
			switch {
			case !ok:
				row.Cells = append(row.Cells, cell{Class: "none", Text: "·", Title: "not reached"})
			case s.Status == string(runner.StatusFailed) && !s.Ignored:
				failed = true
				g.Steps[i].Failed++
				row.Cells = append(row.Cells, cell{Class: "failed", Text: "failed: " + firstLines(Printable(s.Error), 1), Title: firstLines(Printable(s.Error), 3)})
			case s.Status == string(runner.StatusSkipped):
				g.Steps[i].Skipped++
				row.Cells = append(row.Cells, cell{Class: "skipped", Text: "skipped"})
			default:
				g.Steps[i].Passed++
				row.Cells = append(row.Cells, cell{Class: "ok", Text: "passed"})
			}
		}
		if failed {
			g.Failed++
			if len(g.Rows) < pageFailures {
				g.Rows = append(g.Rows, row)
			}
		} else {
			g.Passed++
		}
	}
	return g
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(strings.TrimRight(s, "\n"), "\n", n+1)
	if len(lines) > n {
		return strings.Join(lines[:n], "\n") + "\n…"
	}
	return strings.Join(lines, "\n")
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04:05 MST")
}

// span prints a duration to a tenth of a second, or to the second past
// a minute.
func span(d time.Duration) string {
	switch {
	case d < 0:
		return "0s"
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < time.Minute:
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}

// offset prints a time into the run: +0s, +1m30s, +2m.
func offset(d time.Duration) string {
	if d < time.Second && d > 0 {
		return "+" + d.Round(10*time.Millisecond).String()
	}
	if d < 10*time.Second && d%time.Second != 0 {
		return "+" + d.Round(100*time.Millisecond).String()
	}
	s := d.Round(time.Second).String()
	if d >= time.Minute {
		s = strings.TrimSuffix(s, "0s")
		if strings.HasSuffix(s, "h0m") {
			s = strings.TrimSuffix(s, "0m")
		}
	}
	return "+" + s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
