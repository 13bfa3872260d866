package ash

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

func TestScriptValues(t *testing.T) {
	for _, tt := range []struct {
		src, name string
		want      []string // nil: not judged
	}{
		{"GREP=/bin/grep; $GREP x f", "GREP", []string{"/bin/grep"}},
		{"type g && S=gsha256sum || S=sha256sum", "S", []string{"gsha256sum", "sha256sum"}},
		{"if command -v gsed; then SED=gsed; else SED=sed; fi", "SED", []string{"gsed", "sed"}},
		{"PYTHON=${PYTHON:-python3}", "PYTHON", []string{"python3"}},
		{"PYTHON=\"${PYTHON-python3}\"", "PYTHON", []string{"python3"}},
		{": ${PAGER:=less}", "PAGER", []string{"less"}},
		{"P=${Q:-b}; Q=a", "P", []string{"a", "b"}},
		{"for c in gsed sed; do $c -i s/a/b/ f; done", "c", []string{"gsed", "sed"}},
		// A value only the run knows leaves the variable unjudged.
		{"S=sha256sum; S=$(command -v gsha256sum)", "S", nil},
		{"read S", "S", nil},
		{"P=${Q:-b}; Q=$(cat f)", "P", nil},
		{"P=${P:-$(cat f)}", "P", nil},
		{"for f in *.txt; do :; done", "f", nil},
		// The script's own arguments, set at the top level.
		{"set -- 2024-02-01 \"March 1 2024\"\nd2=\"$2\"", "d2", []string{"March 1 2024"}},
		{"set -- a b\nshift\nd2=$2", "d2", nil},
		{"f() { d=$1; }\nset -- a", "d", nil},
		{"set -- $(cat f)\nd=$1", "d", nil},
	} {
		got := scriptValues(parse(t, tt.src)).known[tt.name]
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: values of %s %q, want %q", tt.src, tt.name, got, tt.want)
		}
	}
}

// TestValuesJudged: a command or an operand held in a variable is judged
// by each value the host can give it.
func TestValuesJudged(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string // "line:col rule severity" of the rules below
	}{
		{"two commands, one lacks the option",
			"type gsha256sum >/dev/null && SHA256=gsha256sum || SHA256=sha256sum\n$SHA256 -c --quiet sums\n",
			[]string{"2:12 gnu-option error"}},
		{"if/else arms",
			"if [ -x /usr/local/bin/gsed ]; then SED=gsed; else SED=sed; fi\n\"$SED\" -z p f\n",
			[]string{"2:8 gnu-option error"}},
		{"both values fine", "if x; then G=grep; else G=/bin/grep; fi\n$G -q a f\n", nil},
		{"default is missing", "PYTHON=${PYTHON:-python3}\n\"$PYTHON\" -m venv .venv\n",
			[]string{"2:1 missing-command error"}},
		{"default used in place", "${PYTHON:-python3} -m venv .venv\n", []string{"1:1 missing-command error"}},
		{"default checked", "PYTHON=\"${PYTHON:-python3}\"\nif ! command -v \"$PYTHON\" >/dev/null; then exit 1; fi\n",
			[]string{"2:17 missing-command-check warning"}},
		// Assigned only where a check found it: a host without it never runs it.
		// (the check itself finds nothing on Alpine: a warning of its own)
		{"guarded value", "command -v curl >/dev/null && GET=curl || GET=wget\n$GET -q -O- http://x\n",
			[]string{"1:12 missing-command-check warning"}},
		{"run-time value", "S=$(command -v gsha256sum || echo sha256sum)\n$S -c --quiet sums\n", nil},
		{"date of the script's own arguments", "set -- 2024-02-01 \"March 1 2024\"\nd1=\"$1\"\ne=$(date -d \"$d1\" +%s)\nd2=\"$2\"\ne=$(date -d \"$d2\" +%s)\n",
			[]string{"5:13 date-relative error"}},
		{"date of a word made of values", "set -- \"August 20, 2014\"\nDATE=date\n$DATE --date=\"$1\" +%s\nD=2014-08-20; date -d \"$D 10:00\"\n",
			[]string{"3:7 date-relative error"}},
		{"a command at a path made of values", "P=/bin\n$P/basename /a/b\n", []string{"2:1 command-path error"}},
		{"date of a loop's words", "for d in @0 yesterday; do date -d \"$d\"; done\n", []string{"1:35 date-relative error"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range Analyze("x.sh", []byte(tt.src)) {
				switch f.Rule {
				case "gnu-option", "applet-option", "missing-command", "missing-command-check", "date-relative", "command-path":
					got = append(got, strings.Join([]string{strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Col), f.Rule, string(f.Severity)}, " "))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Analyze(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

// TestValuesInvoked: the commands a command word held in a variable runs.
func TestValuesInvoked(t *testing.T) {
	for src, want := range map[string][]string{
		"S=sha256sum; $S -c f":                                   {"sha256sum"},
		"type g && S=gsha256sum || S=sha256sum\n$S -c f":         {"gsha256sum", "sha256sum"},
		"command -v g && S=g || S=sha256sum\n$S -c f":            {"sha256sum"},
		"SUDO=\n[ \"$(id -u)\" = 0 ] || SUDO=sudo\n$SUDO curl x": {"curl", "sudo", "curl"},
		"S=$(which sha256sum)\n$S -c f":                          nil,
	} {
		f := parse(t, src)
		s := &commandScope{values: scriptValues(f), guarded: map[*syntax.CallExpr]bool{}, onlyGuarded: map[string]bool{}}
		s.markGuards(f)
		last := f.Stmts[len(f.Stmts)-1].Cmd.(*syntax.CallExpr)
		var got []string
		for _, inv := range s.invoked(last) {
			got = append(got, inv.name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: runs %q, want %q", src, got, want)
		}
	}
}
