package ash

import (
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

// The surface table: one generated probe for every construct bash's manual
// names (builtins and their options, shopt and set options, variables,
// parameter expansions, arithmetic, conditional operators, redirections,
// compound commands, quoting) and for every option the GNU tools have that
// Alpine's BusyBox applets replace, each run under the ash of an Alpine
// host and under bash, with the severity that follows from what happened.
// TestSurface generates it; the analyzer reports every construct of a
// script under its key and takes the severity from here.
//
//go:embed testdata/surface.json
var surfaceJSON []byte

// surfaceEntry is one probe's record.
type surfaceEntry struct {
	Key   string   `json:"key"`
	Probe string   `json:"probe"`
	Ash   *Outcome `json:"ash"`
	Bash  *Outcome `json:"bash"`
	// Compared is what the judgement looked at, kept so that a change
	// of judgement shows without running the probes again.
	Compared *comparison `json:"compared,omitempty"`
	Severity Severity    `json:"severity"`
	Note     string      `json:"note,omitempty"`
	// TakesValue: the option took the next argument as its value in the probe.
	TakesValue bool `json:"takes_value,omitempty"`
}

// comparison is how the two runs of a probe compare: the statuses, the
// standard output, and what went to standard error.
type comparison struct {
	// AshRC and BashRC are the status the probe printed last ("rc=N").
	AshRC  string `json:"ash_rc,omitempty"`
	BashRC string `json:"bash_rc,omitempty"`
	// Stdout is "same", "blanks" (the same once runs of blanks are read
	// as one, as scripts read columns with awk, read or cut -f), or
	// "differs".
	Stdout string `json:"stdout"`
	// Complains: the shell wrote something to stderr other than the
	// notices bash gives when a job it started dies of a signal.
	AshComplains  bool `json:"ash_complains,omitempty"`
	BashComplains bool `json:"bash_complains,omitempty"`
	AshNotices    bool `json:"ash_notices,omitempty"`
	BashNotices   bool `json:"bash_notices,omitempty"`
}

// surfaceTable is the file format of testdata/surface.json.
type surfaceTable struct {
	Ash     string         `json:"ash"`
	Bash    string         `json:"bash"`
	Entries []surfaceEntry `json:"probes"`

	byKey map[string]*surfaceEntry
}

func loadSurface(b []byte) (*surfaceTable, error) {
	var t surfaceTable
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, err
	}
	t.byKey = make(map[string]*surfaceEntry, len(t.Entries))
	for i, e := range t.Entries {
		switch e.Severity {
		case SeverityError, SeverityWarning, SeverityInfo:
		default:
			return nil, fmt.Errorf("probe %s: unknown severity %q", e.Key, e.Severity)
		}
		t.byKey[e.Key] = &t.Entries[i]
	}
	return &t, nil
}

// surface is loaded once from the embedded table and only read afterwards.
var surface = mustLoadSurface(surfaceJSON)

func mustLoadSurface(b []byte) *surfaceTable {
	t, err := loadSurface(b)
	if err != nil {
		panic(fmt.Sprintf("ash: testdata/surface.json: %v", err)) // embedded and checked by the tests
	}
	return t
}

// surfaceRules are the rules under which constructs of the surface table
// that no hand-written rule covers are reported, one per kind of key.
var surfaceRules = []rule{
	{"builtin-option", "this builtin or option behaves differently in BusyBox ash", "use the POSIX form (see `busybox sh` and the probe in the table) or do without the option", ""},
	{"shell-variable", "this variable is set or used differently by BusyBox ash", "compute the value yourself, or set it before use", ""},
	{"expansion", "this expansion gives another result in BusyBox ash", "use a POSIX expansion, or `sed`/`expr`/`cut` for the transformation", ""},
	{"arithmetic", "this arithmetic form is evaluated differently by BusyBox ash", "keep to POSIX `$((...))` with +, -, *, /, %, comparisons and parentheses", ""},
	{"test-operator", "this test operator behaves differently in BusyBox ash", "use a POSIX `[ ]` test with quoted operands", ""},
	{"redirection", "this redirection behaves differently in BusyBox ash", "use POSIX redirections: `>file 2>&1`, here-documents, fixed descriptors", ""},
	{"shell-syntax", "this shell syntax behaves differently in BusyBox ash", "rewrite with POSIX constructs", ""},
	{"printf-format", "this printf or echo form prints something else in BusyBox ash", "use `printf` with POSIX conversions (%s %d %x %o %c %b) and escapes", ""},
	{"trap-signal", "this signal specification behaves differently in BusyBox ash", "use POSIX signal names without SIG (INT, TERM, HUP, EXIT)", ""},
	{"applet-option", "the BusyBox applet on Alpine treats this differently from the GNU tool", "use an option the BusyBox applet lists in `busybox APPLET --help` with the same effect, or `apk add` the GNU package", ""},
}

// surfaceRule is the rule of a surface key, by its first word.
func surfaceRule(key string) string {
	kind, _, _ := strings.Cut(key, " ")
	switch kind {
	case "builtin", "shopt", "set":
		return "builtin-option"
	case "var", "assign":
		return "shell-variable"
	case "param", "quote":
		return "expansion"
	case "arith":
		return "arithmetic"
	case "test", "[[":
		return "test-operator"
	case "redir":
		return "redirection"
	case "printf", "echo":
		return "printf-format"
	case "trap", "kill":
		return "trap-signal"
	case "applet":
		return "applet-option"
	}
	return "shell-syntax"
}

// consequence says in a few words what the probe of a key did under ash.
func (e *surfaceEntry) consequence() string {
	a, b := e.Ash, e.Bash
	if a == nil || b == nil {
		return ""
	}
	msg := ""
	if line, _, _ := strings.Cut(a.Stderr, "\n"); line != "" {
		// "/tmp/.../scripts/p0123: line 3: syntax error: bad substitution"
		if i := strings.LastIndex(line, ": line "); i >= 0 {
			if j := strings.Index(line[i+7:], ": "); j >= 0 {
				line = line[i+7+j+2:]
			}
		}
		line = strings.TrimPrefix(line, "sh: ")
		msg = "ash says \"" + line + "\""
	}
	c := e.Compared
	switch {
	case a.Exit != b.Exit && a.Exit == 137:
		msg = "ash never finished"
	case a.Exit != b.Exit:
		msg = strings.TrimPrefix(msg+fmt.Sprintf(", exits %d (bash %d)", a.Exit, b.Exit), ", ")
	case c != nil && c.AshRC != c.BashRC && msg == "":
		msg = fmt.Sprintf("the command's status is %s (bash %s)", c.AshRC, c.BashRC)
	case c != nil && c.Stdout == "same" && c.BashNotices && !c.AshNotices:
		msg = "bash reports the killed job on stderr, ash does not"
	case c != nil && c.Stdout == "same" && c.AshNotices && !c.BashNotices:
		msg = "ash reports the killed job on stderr, bash does not"
	case msg == "":
		msg = "ash prints something else"
		if la, lb, ok := firstDifference(a.Stdout, b.Stdout); ok {
			ours, theirs := "ash", "bash"
			if strings.HasPrefix(e.Key, "applet ") {
				ours, theirs = "BusyBox's", "GNU's"
			}
			msg = fmt.Sprintf("%s prints %q where %s prints %q", ours, la, theirs, lb)
		}
	}
	return msg
}

// firstDifference is the first line at which two outputs differ, each cut
// to a length a message can hold.
func firstDifference(a, b string) (la, lb string, ok bool) {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		x, y := lineAt(al, i), lineAt(bl, i)
		if x != y {
			return clipLine(x), clipLine(y), true
		}
	}
	return "", "", false
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

func clipLine(s string) string {
	const most = 40
	if r := []rune(s); len(r) > most {
		return string(r[:most]) + "…"
	}
	return s
}

// surfaceFindings reports the constructs of a script whose probes showed
// a consequence (error or warning). A construct a hand-written rule
// already reports at the same place takes the higher of the severities.
func (a *analyzer) surfaceFindings(keys []keyAt) {
	type place struct{ line, col int }
	byPlace := map[place]int{} // index into a.findings of the first finding there
	for i, f := range a.findings {
		if _, ok := byPlace[place{f.Line, f.Col}]; !ok {
			byPlace[place{f.Line, f.Col}] = i
		}
	}
	for _, ka := range keys {
		e := surface.byKey[ka.Key]
		if e == nil || e.Severity.Rank() < SeverityWarning.Rank() || ka.Unseen && e.Severity == SeverityWarning {
			continue
		}
		at := place{int(ka.Pos.Line()), int(ka.Pos.Col())}
		if i, ok := byPlace[at]; ok {
			f := &a.findings[i]
			if f.Severity.Rank() < e.Severity.Rank() {
				// The probe shows more than the rule said (a form "ash has"
				// that gives another result): say what it showed first.
				f.Severity = e.Severity
				f.Message = "`" + displayKey(ka.Key) + "`: " + e.consequence() + "; " + f.Message
			}
			continue
		}
		id := surfaceRule(ka.Key)
		r := surfaceRuleByID[id]
		a.findings = append(a.findings, Finding{
			Path: a.path, Line: at.line, Col: at.col, Rule: id, Severity: e.Severity,
			Message:    "`" + displayKey(ka.Key) + "`: " + e.consequence() + "; " + r.Message,
			Suggestion: cmp.Or(situationSuggestion(ka.Key), r.Suggestion),
		})
		byPlace[at] = len(a.findings) - 1
	}
}

var surfaceRuleByID = indexRules(surfaceRules)

// displayKey is a key as a script writes it: "sed -z", "${@:o}", "kill -9";
// an applet's situation is said in words ("cp onto a file that exists").
func displayKey(key string) string {
	if k, situation, ok := strings.Cut(key, " :"); ok {
		if words := situationWords[situation]; words != "" {
			return displayKey(k) + " " + words
		}
	}
	for _, p := range []string{"applet ", "builtin ", "param ", "syntax ", "redir ", "arith ", "quote ", "var ", "assign "} {
		if k, ok := strings.CutPrefix(key, p); ok {
			switch p {
			case "var ":
				return "$" + k
			case "assign ":
				return k + "="
			}
			return k
		}
	}
	return key
}
