// Package ash finds what breaks or behaves differently when a shell script
// written for bash (and GNU tools) runs under BusyBox ash on Alpine Linux.
//
// Scripts are parsed as bash, so that the tree is complete whatever the
// script uses, and every construct is judged against a table derived by
// running probe scripts under the real ash of an Alpine host and under
// bash (testdata/constructs.json), not against a list of beliefs: BusyBox
// ash understands `[[ ]]`, `local`, `$'..'`, `${v:1:2}`, `${v//a/b}`,
// `source`, `function`, `let`, `pipefail` and `&>`, and these are only
// reported as portability information. Options of external commands are
// checked against the help of the BusyBox applets that replace the GNU
// tools on Alpine (testdata/applets.txt).
package ash

import (
	"bytes"
	"cmp"
	"errors"
	"slices"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// Severity of a finding.
type Severity string

const (
	// SeverityError: a syntax error or an abort under ash, or a command that fails.
	SeverityError Severity = "error"
	// SeverityWarning: the script runs but behaves differently.
	SeverityWarning Severity = "warning"
	// SeverityInfo: works under BusyBox ash but is not POSIX.
	SeverityInfo Severity = "info"
)

// Rank orders severities: error > warning > info.
func (s Severity) Rank() int {
	switch s {
	case SeverityError:
		return 3
	case SeverityWarning:
		return 2
	case SeverityInfo:
		return 1
	}
	return 0
}

// Finding is one construct of a script that ash treats differently.
type Finding struct {
	Path       string
	Line, Col  int
	Rule       string
	Severity   Severity
	Message    string
	Suggestion string
}

// RuleParseError is the rule of a script that cannot be parsed at all.
const RuleParseError = "parse-error"

// Options tell the analyzer about the host beyond a base Alpine.
type Options struct {
	// Packages will be installed on the host before the script runs:
	// Alpine package names, or cmd:NAME as apk takes them. Their
	// commands are not reported as missing.
	Packages []string
	// Host, when set, is what the host itself said of the commands
	// Commands lists (names, or absolute paths): true where it has one,
	// false where it lacks one. Its answer replaces the command table's
	// for those commands; Packages still count for a command it lacks.
	Host map[string]bool
}

// Analyze reports the constructs of the script src (read from path) that
// break or behave differently under BusyBox ash on a base Alpine, sorted
// by line and column. A script that cannot be parsed yields one error
// finding.
func Analyze(path string, src []byte) []Finding {
	return AnalyzeWith(path, src, Options{})
}

// AnalyzeWith is Analyze for a host that will have more than a base
// Alpine (opt.Packages).
func AnalyzeWith(path string, src []byte, opt Options) []Finding {
	a := &analyzer{path: path, host: opt.Host}
	a.findings = append(a.findings, PathFindings(path)...)
	a.shebang(src)
	file, err := parseScript(src, path)
	if err != nil {
		a.parseError(err)
	}
	if file != nil {
		a.assigned = assignments(file)
		a.words = singleWords(file)
		a.ages = ageChecks(file)
		a.values = scriptValues(file)
		a.detects = detections(file)
		a.statusCompared = comparesStatus(file, "124")
		a.statusRead = statusReadNext(file)
		a.quiet = quietCalls(file)
		a.own = scriptOwnCommands(file)
		a.args = positionalWords(file)
		syntax.Walk(file, a.visit)
		a.commandFindings(file, opt.Packages)
		a.surfaceFindings(fileKeys(file, bytes.HasPrefix(src, []byte("#!")), a.assigned, a.words, a.quiet, a.values))
	}
	slices.SortStableFunc(a.findings, func(x, y Finding) int {
		return cmp.Or(cmp.Compare(x.Line, y.Line), cmp.Compare(x.Col, y.Col), strings.Compare(x.Rule, y.Rule))
	})
	// A command that a wrapper runs is judged as itself and as the
	// wrapper's operand (sudo bash): one finding.
	return slices.Compact(a.findings)
}

// PathFindings reports files whose location alone means trouble on Alpine:
// BusyBox crond reads neither /etc/crontab nor /etc/cron.d, and Alpine's
// crontab runs /etc/periodic rather than /etc/cron.daily and friends. The
// path may be absolute or relative to a directory that mirrors a root.
func PathFindings(path string) []Finding {
	p := "/" + strings.TrimLeft(filepathToSlash(path), "./")
	r := ruleByID["cron-d-ignored"]
	msg := ""
	switch {
	case strings.HasSuffix(p, "/etc/crontab"), strings.Contains(p, "/etc/cron.d/"):
		msg = r.Message
	case strings.Contains(p, "/etc/cron.hourly/"), strings.Contains(p, "/etc/cron.daily/"),
		strings.Contains(p, "/etc/cron.weekly/"), strings.Contains(p, "/etc/cron.monthly/"):
		msg = "Alpine's root crontab runs the scripts in /etc/periodic/*, not /etc/cron.*; this file is never run"
	default:
		return nil
	}
	return []Finding{{Path: path, Line: 1, Col: 1, Rule: r.ID, Severity: severityOf(r.ID), Message: msg, Suggestion: r.Suggestion}}
}

func filepathToSlash(p string) string { return strings.ReplaceAll(p, "\\", "/") }

var ruleByID = indexRules(rules)

func indexRules(rs []rule) map[string]rule {
	m := make(map[string]rule, len(rs))
	for _, r := range rs {
		m[r.ID] = r
	}
	return m
}

// severityOf is the table's severity of a rule; a rule missing from the
// table (caught by TestTableCoversRules) is reported as an error rather
// than silently dropped.
func severityOf(id string) Severity {
	if s, ok := severities[id]; ok {
		return s
	}
	return SeverityError
}

type analyzer struct {
	path     string
	findings []Finding
	assigned map[string]bool // variables the script sets (assignments, for, read, getopts)
	words    map[string]bool // variables that only ever hold one plain word
	// values are what each variable can hold, where the script says.
	values valueSets
	// ages says where the script looks at files' modification times.
	ages ageSeer
	// detects are expansions that only test whether a variable is set.
	detects map[*syntax.ParamExp]bool
	// statusCompared: the script compares a status with 124, GNU
	// timeout's when time runs out.
	statusCompared bool
	// statusRead are the commands whose status the next command reads.
	statusRead map[*syntax.CallExpr]bool
	// quiet are the commands whose standard output goes nowhere.
	quiet map[*syntax.CallExpr]bool
	// host is Options.Host.
	host map[string]bool
	// own are the script's functions and aliases.
	own ownCommands
	// args are the uses of $1... that the script's set -- made plain words.
	args map[*syntax.ParamExp]bool
}

// assignments collects the names the script gives values to.
func assignments(f *syntax.File) map[string]bool {
	m := map[string]bool{}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Assign:
			if n.Name != nil {
				m[n.Name.Value] = true
			}
		case *syntax.WordIter:
			m[n.Name.Value] = true
		case *syntax.CallExpr:
			if len(n.Args) > 1 {
				switch n.Args[0].Lit() {
				case "read", "getopts":
					for _, w := range n.Args[1:] {
						m[w.Lit()] = true
					}
				}
			}
		}
		return true
	})
	return m
}

func (a *analyzer) add(pos syntax.Pos, id string, detail string) {
	r, ok := ruleByID[id]
	if !ok {
		panic("ash: unknown rule " + id) // a programming error, caught by every test
	}
	msg := r.Message
	if detail != "" {
		msg = detail + ": " + msg
	}
	a.findings = append(a.findings, Finding{
		Path: a.path, Line: int(pos.Line()), Col: int(pos.Col()),
		Rule: id, Severity: severityOf(id), Message: msg, Suggestion: r.Suggestion,
	})
}

// parseScript parses a script as bash. One that does not parse is, as
// well, the whole statements before the error: both shells read a script
// a statement at a time and run those before they meet it (and the
// parser may stop where bash does not: `let n=n-1 # comment`). The file
// is nil when nothing before the error parses.
func parseScript(src []byte, path string) (*syntax.File, error) {
	parse := func(b []byte) (*syntax.File, error) {
		return syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(b), path)
	}
	file, err := parse(src)
	var pe syntax.ParseError
	if err == nil || !errors.As(err, &pe) {
		return file, err
	}
	// Cut the script at the start of each line before the error's,
	// nearest first, until what is left parses.
	var starts []int
	for i, line := 0, uint(1); i < len(src) && line <= pe.Pos.Line(); i++ {
		if i == 0 || src[i-1] == '\n' {
			starts = append(starts, i)
			line++
		}
	}
	const tries = 400
	for k := len(starts) - 1; k > 0 && k >= len(starts)-tries; k-- {
		if f, perr := parse(src[:starts[k]]); perr == nil {
			return f, err
		}
	}
	return nil, err
}

func (a *analyzer) parseError(err error) {
	// The script is parsed as bash: bash stops at the same place, so
	// what follows is not something ash does differently; what runs
	// before it is judged (parseScript).
	const notAsh = " (as bash, too: not a difference of ash)"
	f := Finding{Path: a.path, Line: 1, Col: 1, Rule: RuleParseError, Severity: SeverityInfo,
		Message:    "the script does not parse: " + err.Error() + notAsh,
		Suggestion: "fix the syntax error first; bash -n and ash -n show it too"}
	var pe syntax.ParseError
	if errors.As(err, &pe) {
		f.Line, f.Col = int(pe.Pos.Line()), int(pe.Pos.Col())
		f.Message = "the script does not parse: " + pe.Text + notAsh
	}
	a.findings = append(a.findings, f)
}

// shebang reports interpreters that Alpine lacks.
func (a *analyzer) shebang(src []byte) {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	interp, ok := Interpreter(string(line))
	if ok && base(interp) == "bash" {
		a.add(syntax.NewPos(0, 1, 1), "bash-shebang", "#!"+strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(line)), "#!")))
	}
}

func base(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}
