package scan

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"loc": func(f Finding) string { return location(f) },
}).Parse(htmlSource))

// WriteHTML writes a self-contained HTML report (inline CSS and SVG, no
// external assets): the hosts, the findings by rule, what changed since
// the compared scan, and a chart of the findings of the scans in history
// (oldest first, this one included).
func WriteHTML(path string, r *Report, c *Comparison, history []Summary) error {
	data := htmlData{Report: r, Compare: c, Started: r.StartedAt.Local().Format(time.DateTime), Chart: chart(history)}
	var all []Issue
	hostsOf := map[string]map[string]bool{}
	for i, h := range r.Hosts {
		row := htmlHost{HostReport: h, Anchor: strconv.Itoa(i + 1), Errors: h.Count(Error), Warnings: h.Count(Warning),
			Infos: h.Count(Info), Glibc: h.Binaries[KindGlibc]}
		switch {
		case h.Err != "":
			row.Status, row.StatusText = "not-scanned", "not scanned"
			data.NotScanned++
		case h.Ready():
			row.Status, row.StatusText = "ready", "ready"
			data.Ready++
		default:
			row.Status, row.StatusText = "not-ready", fmt.Sprintf("not ready: %s", plural(row.Errors, "error"))
			data.NotReady++
		}
		data.Hosts = append(data.Hosts, row)
		for _, is := range h.Issues {
			all = append(all, is)
			if hostsOf[is.Rule] == nil {
				hostsOf[is.Rule] = map[string]bool{}
			}
			hostsOf[is.Rule][h.Host] = true
		}
	}
	data.Rules = ruleCounts(all, func(Issue) bool { return true })
	for i := range data.Rules {
		data.Rules[i].Hosts = len(hostsOf[data.Rules[i].Rule])
	}
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, data); err != nil {
		return fmt.Errorf("HTML report: %w", err)
	}
	return writeAtomic(path, b.Bytes())
}

type htmlData struct {
	Report                      *Report
	Compare                     *Comparison
	Started                     string
	Ready, NotReady, NotScanned int
	Hosts                       []htmlHost
	Rules                       []RuleCount
	Chart                       *svgChart
}

type htmlHost struct {
	*HostReport
	Anchor, Status, StatusText     string
	Errors, Warnings, Infos, Glibc int
}

// svgChart is a line chart of errors and warnings per scan, laid out here
// so that the template only places numbers.
type svgChart struct {
	W, H, X0, X1, Y0, Y1, LabelX, DateY int
	Max                                 int
	First, Last                         string
	Errors, Warnings                    string // polyline points
	Points                              []svgPoint
}

type svgPoint struct {
	ID               string
	X, YErr, YWarn   int
	Errors, Warnings int
}

func chart(history []Summary) *svgChart {
	if len(history) == 0 {
		return nil
	}
	c := &svgChart{W: 720, H: 220, X0: 48, X1: 704, Y0: 190, Y1: 16, LabelX: 42, DateY: 210}
	for _, s := range history {
		c.Max = max(c.Max, s.Errors, s.Warnings)
	}
	top := max(c.Max, 1)
	var errs, warns []string
	for i, s := range history {
		x := c.X0
		if len(history) > 1 {
			x = c.X0 + i*(c.X1-c.X0)/(len(history)-1)
		}
		y := func(v int) int { return c.Y0 - v*(c.Y0-c.Y1)/top }
		p := svgPoint{ID: s.ID, X: x, YErr: y(s.Errors), YWarn: y(s.Warnings), Errors: s.Errors, Warnings: s.Warnings}
		c.Points = append(c.Points, p)
		errs = append(errs, fmt.Sprintf("%d,%d", p.X, p.YErr))
		warns = append(warns, fmt.Sprintf("%d,%d", p.X, p.YWarn))
	}
	c.Errors, c.Warnings = strings.Join(errs, " "), strings.Join(warns, " ")
	c.First = history[0].StartedAt.Local().Format("2006-01-02 15:04")
	c.Last = history[len(history)-1].StartedAt.Local().Format("2006-01-02 15:04")
	return c
}
