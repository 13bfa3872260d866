package scan

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
)

// TextOptions shape the terminal summary.
type TextOptions struct {
	Verbose bool // also list info-level findings
	Limit   int  // findings listed per host (default 20); the rest are counted
}

// WriteText prints the per-host readiness, the findings that matter
// most and the top rules, then one line for the whole scan.
func WriteText(w io.Writer, r *Report, opts TextOptions) error {
	limit := cmp.Or(opts.Limit, 20)
	var b strings.Builder
	ready, notReady, failed := 0, 0, 0
	for _, h := range r.Hosts {
		switch {
		case h.Err != "":
			failed++
			verdict := "NOT SCANNED"
			if h.Unreachable {
				verdict = "UNREACHABLE"
			}
			fmt.Fprintf(&b, "%s  %s: %s\n", clean(h.Host), verdict, clean(h.Err))
			continue
		case h.Ready():
			ready++
			fmt.Fprintf(&b, "%s  ready", clean(h.Host))
		default:
			notReady++
			fmt.Fprintf(&b, "%s  NOT READY", clean(h.Host))
		}
		fmt.Fprintf(&b, "  %s, %s, %s  (%s; %d round trip(s), %s in %.1fs)\n",
			plural(h.Count(Error), "error"), plural(h.Count(Warning), "warning"), plural(h.Count(Info), "info"),
			looked(h), h.RoundTrips, size(h.Bytes), h.Duration.Seconds())
		listed, hidden := 0, 0
		for _, is := range h.Issues {
			if is.Severity == Info && !opts.Verbose {
				continue
			}
			if listed == limit {
				hidden++
				continue
			}
			listed++
			fmt.Fprintf(&b, "  %-7s %s  %s  %s\n", is.Severity, location(is.Finding), is.Rule, clean(is.Message))
			if is.Suggestion != "" {
				fmt.Fprintf(&b, "          → %s\n", clean(is.Suggestion))
			}
		}
		if hidden > 0 {
			fmt.Fprintf(&b, "  ... %d more (--json or --html for every finding)\n", hidden)
		}
		if top := topRules(h.Issues, 3); top != "" {
			fmt.Fprintf(&b, "  top rules: %s\n", top)
		}
	}
	fmt.Fprintf(&b, "\nScan %s: %d host(s): %d ready, %d not ready, %d not scanned.\n", r.ID, len(r.Hosts), ready, notReady, failed)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteComparison prints what is new and what was fixed since an earlier scan.
func WriteComparison(w io.Writer, c *Comparison) error {
	var b strings.Builder
	fmt.Fprintf(&b, "\nCompared with scan %s: %d new (%s), %d fixed.\n", c.Against, len(c.New), plural(c.NewErrors(), "error"), len(c.Fixed))
	for _, hi := range c.New {
		fmt.Fprintf(&b, "  NEW    %s  %-7s %s  %s  %s\n", clean(hi.Host), hi.Severity, location(hi.Finding), hi.Rule, clean(hi.Message))
	}
	for _, hi := range c.Fixed {
		fmt.Fprintf(&b, "  FIXED  %s  %-7s %s  %s  %s\n", clean(hi.Host), hi.Severity, location(hi.Finding), hi.Rule, clean(hi.Message))
	}
	if len(c.NotCompared) > 0 {
		fmt.Fprintf(&b, "  Not compared (not scanned both times): %s\n", clean(strings.Join(c.NotCompared, ", ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// JSONDocument is what --json prints.
type JSONDocument struct {
	*Report
	Compare *Comparison `json:"compare,omitempty"`
}

// WriteJSON prints the scan (and the comparison, if any) as one JSON document.
func WriteJSON(w io.Writer, r *Report, c *Comparison) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(JSONDocument{Report: r, Compare: c})
}

func location(f Finding) string {
	loc := clean(f.Path)
	if f.Line > 0 {
		loc += fmt.Sprintf(":%d", f.Line)
		if f.Col > 0 {
			loc += fmt.Sprintf(":%d", f.Col)
		}
	}
	return loc
}

func looked(h *HostReport) string {
	bins := 0
	for _, n := range h.Binaries {
		bins += n
	}
	scripts := plural(h.Scripts, "script")
	if h.NotRead > 0 {
		scripts += fmt.Sprintf(" (+%d too large to read)", h.NotRead)
	}
	return strings.Join([]string{scripts, count(bins, "binary", "binaries"), plural(h.Units, "unit"), plural(h.Packages, "package")}, ", ")
}

// topRules names the most frequent rules among errors and warnings.
func topRules(issues []Issue, n int) string {
	counts := ruleCounts(issues, func(is Issue) bool { return is.Severity != Info })
	var parts []string
	for _, rc := range counts[:min(n, len(counts))] {
		parts = append(parts, fmt.Sprintf("%s ×%d", rc.Rule, rc.Count))
	}
	return strings.Join(parts, ", ")
}

// RuleCount is how often a rule fired.
type RuleCount struct {
	Rule     string
	Severity Severity
	Count    int
	Hosts    int
}

// ruleCounts counts rules, most frequent first.
func ruleCounts(issues []Issue, keep func(Issue) bool) []RuleCount {
	idx := map[string]int{}
	var out []RuleCount
	for _, is := range issues {
		if !keep(is) {
			continue
		}
		i, ok := idx[is.Rule]
		if !ok {
			i = len(out)
			idx[is.Rule] = i
			out = append(out, RuleCount{Rule: is.Rule, Severity: is.Severity})
		}
		out[i].Count++
	}
	slices.SortStableFunc(out, func(a, b RuleCount) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Rule, b.Rule)) })
	return out
}

func plural(n int, what string) string {
	if n == 1 || what == "info" {
		return fmt.Sprintf("%d %s", n, what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// clean replaces control characters: paths and messages come from the
// hosts, which are not trusted to drive the operator's terminal.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '?'
		}
		return r
	}, s)
}
