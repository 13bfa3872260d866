// Package redact hides sensitive values in what switchback prints:
// events, reports, the state database, diagnostics.
//
// A value is hidden in every form it takes in text: as it is, shell
// quoted, escaped as Go's %q, JSON and HCL escape it, and, when it spans
// lines, as the lines of a diff show it. Values shorter than MinLen are
// not looked for in text: a secret "1" (a part of a split secret, say)
// would hide every 1 of every message. Diffs are hidden whole instead
// (see Diff): a step that uses a sensitive value, or whose diff holds
// one, shows no content at all, neither its new side nor its old one,
// which is where a rotated secret's previous value would be.
package redact

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Masked stands in for a hidden value.
const Masked = "(sensitive)"

// MinLen is the length, in bytes, below which a value is not looked for
// in text.
const MinLen = 4

// Redactor hides a set of values.
type Redactor struct {
	needles  []string // every form of every value, longest first
	replacer *strings.Replacer
}

// New returns a Redactor for values (strings as they are; empty, blank
// and short ones are left out).
func New(values []string) *Redactor {
	seen := map[string]bool{}
	var needles []string
	for _, v := range values {
		if len(v) < MinLen || strings.TrimSpace(v) == "" {
			continue
		}
		for _, n := range Forms(v) {
			if len(n) >= MinLen && !seen[n] {
				seen[n] = true
				needles = append(needles, n)
			}
		}
	}
	// Longest first: at each place the longest form wins, so a value
	// holding another is hidden whole.
	slices.SortFunc(needles, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	r := &Redactor{needles: needles}
	if len(needles) > 0 {
		pairs := make([]string, 0, 2*len(needles))
		for _, n := range needles {
			pairs = append(pairs, n, Masked)
		}
		r.replacer = strings.NewReplacer(pairs...)
	}
	return r
}

// Forms lists the ways v is written in text: as it is; inside single
// quotes (a shell word); inside double quotes as Go's %q and %+q, JSON
// and HCL escape it; each of these inside another (JSON in a shell word,
// a command line quoted by %q); and, for a value of several lines, with
// the markers a unified diff puts before each line.
func Forms(v string) []string {
	seen := map[string]bool{}
	var forms []string
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			forms = append(forms, f)
		}
	}
	for _, outer := range escapes {
		for _, inner := range escapes {
			add(outer(inner(v)))
		}
	}
	if strings.Contains(v, "\n") {
		for _, f := range slices.Clone(forms) {
			for _, mark := range []string{"+", "-", " "} {
				add(strings.ReplaceAll(f, "\n", "\n"+mark))
			}
		}
	}
	return forms
}

// escapes write a string as it reads inside quotes of each kind.
var escapes = []func(string) string{
	func(v string) string { return v },
	func(v string) string { return strings.ReplaceAll(v, "'", `'\''`) }, // shell
	func(v string) string { return unquote(strconv.Quote(v)) },
	func(v string) string { return unquote(strconv.QuoteToASCII(v)) },
	func(v string) string { b, _ := json.Marshal(v); return unquote(string(b)) },
	func(v string) string {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(v)
		return unquote(strings.TrimSuffix(b.String(), "\n"))
	},
	hclEscape,
}

func unquote(q string) string {
	if len(q) < 2 {
		return q
	}
	return q[1 : len(q)-1]
}

// hclEscape writes v as inside an HCL quoted string.
func hclEscape(v string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`, "${", "$${", "%{", "%%{").Replace(v)
}

// Empty says there is nothing to hide.
func (r *Redactor) Empty() bool { return r == nil || r.replacer == nil }

// Text hides every value in s.
func (r *Redactor) Text(s string) string {
	if r.Empty() {
		return s
	}
	return r.replacer.Replace(s)
}

// Holds says whether s shows any value.
func (r *Redactor) Holds(s string) bool {
	if r.Empty() {
		return false
	}
	for _, n := range r.needles {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}

// Diff hides a step's diff: its contents go whole when the step uses a
// sensitive value or the diff shows one, and values left in the lines
// about the step (paths, services) are hidden as in any text.
func (r *Redactor) Diff(diff string, stepUsesSecret bool) string {
	if stepUsesSecret || r.Holds(diff) {
		diff = HideContents(diff)
	}
	return r.Text(diff)
}

var hunkHeader = regexp.MustCompile(`^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@$`)

// HideContents replaces the hunks of every unified diff in diff (the
// lines after "--- a" and "+++ b") with a count of the lines added and
// removed; the lines around them, which modules write about the step,
// stay.
func HideContents(diff string) string {
	lines := strings.SplitAfter(diff, "\n")
	var b strings.Builder
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(l, "--- ") || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "+++ ") {
			b.WriteString(l)
			continue
		}
		b.WriteString(l + lines[i+1])
		i += 2
		added, removed := 0, 0
		for i < len(lines) {
			m := hunkHeader.FindStringSubmatch(strings.TrimSuffix(lines[i], "\n"))
			if m == nil {
				break
			}
			oldLen, newLen := hunkLen(m[1]), hunkLen(m[2])
			i++
			for (oldLen > 0 || newLen > 0) && i < len(lines) {
				switch line := lines[i]; {
				case strings.HasPrefix(line, " "):
					oldLen--
					newLen--
				case strings.HasPrefix(line, "-"):
					oldLen--
					removed++
				case strings.HasPrefix(line, "+"):
					newLen--
					added++
				case strings.HasPrefix(line, `\`): // "\ No newline at end of file"
				default:
					oldLen, newLen = 0, 0 // cut short ("… (diff cut at ...)"): hidden too
				}
				i++
			}
			for i < len(lines) && (strings.HasPrefix(lines[i], `\`) || strings.HasPrefix(lines[i], "… (diff cut")) {
				i++
			}
		}
		fmt.Fprintf(&b, "  (contents not shown: they hold a sensitive value; %d line(s) removed, %d added)\n", removed, added)
		i--
	}
	return b.String()
}

func hunkLen(s string) int {
	if s == "" {
		return 1
	}
	n, _ := strconv.Atoi(s)
	return n
}
