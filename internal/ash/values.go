package ash

import (
	"slices"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// What the analyzer knows of a script beyond its constructs: which
// variables can only hold one plain word, whether the script looks at
// file ages, and which commands' output nobody reads. A difference a
// probe shows only for other values, or only in output that goes
// nowhere, does not change what such a script does.

// singleWords are the variables whose every value in the script is one
// non-empty word without blanks or glob characters: literal
// assignments, a for loop over such words, arithmetic. Splitting and
// globbing an unquoted expansion of one of them changes nothing, so the
// probe's value with a space or an empty one is not theirs.
func singleWords(f *syntax.File) map[string]bool {
	good, bad := map[string]bool{}, map[string]bool{}
	args := positionalWords(f)
	// built are the names given a value made of plain text and other
	// variables (PREV="v$PREV"), and those variables: a word if they are.
	built := map[string][]string{}
	mark := func(name string, ok bool) {
		if ok {
			good[name] = true
		} else {
			bad[name] = true
		}
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Assign:
			if n.Name == nil {
				return true
			}
			switch {
			case n.Array != nil || n.Index != nil || n.Append || n.Value == nil:
				mark(n.Name.Value, false)
			case len(n.Value.Parts) == 1 && isArithm(n.Value.Parts[0]):
				mark(n.Name.Value, true) // n=$((n + 1)): a number
			case soleParam(n.Value) != nil && args[soleParam(n.Value)]:
				mark(n.Name.Value, true) // TAG=$1 after set -- v1.0
			case onlyCmdSubst(n.Value) != nil && oneWordCommand(onlyCmdSubst(n.Value)):
				mark(n.Name.Value, true) // n=$(id -u)
			case wordOfWords(n.Value, args) != nil:
				built[n.Name.Value] = append(built[n.Name.Value], wordOfWords(n.Value, args)...)
				good[n.Name.Value] = true // unless one of them is not (below)
			default:
				s, ok := literal(n.Value)
				mark(n.Name.Value, ok && plainWord(s) || systemPath(n.Value))
			}
		case *syntax.WordIter:
			for _, w := range n.Items {
				s, ok := literal(w)
				mark(n.Name.Value, ok && plainWord(s) || splitFields(w))
			}
			if len(n.Items) == 0 {
				mark(n.Name.Value, false) // for x; do: the positional parameters
			}
		case *syntax.CallExpr:
			if len(n.Args) > 0 && n.Args[0].Lit() == "read" {
				if names, ok := readsOneChar(n.Args[1:]); ok {
					// read -n 1: one character, a key pressed.
					for _, name := range names {
						mark(name, true)
					}
					return true
				}
			}
			if len(n.Args) > 1 {
				switch n.Args[0].Lit() {
				case "read", "getopts", "mapfile", "readarray", "printf", "export", "readonly", "local", "declare", "typeset", "unset":
					for _, w := range n.Args[1:] {
						if name := w.Lit(); name != "" && !strings.HasPrefix(name, "-") {
							name, _, _ = strings.Cut(name, "=")
							mark(name, false)
						}
					}
				}
			}
		case *syntax.ParamExp:
			if n.Exp != nil && (n.Exp.Op == syntax.AssignUnset || n.Exp.Op == syntax.AssignUnsetOrNull) && n.Param != nil {
				mark(n.Param.Value, false)
			}
		case *syntax.BinaryArithm:
			// x = 1, x += 2: a number.
			if w, ok := n.X.(*syntax.Word); ok && arithAssign[n.Op] {
				if name := w.Lit(); name != "" {
					mark(name, true)
				}
			}
		}
		return true
	})
	for name := range systemWords {
		good[name] = true
	}
	for name := range bad {
		delete(good, name)
	}
	// The greatest set of built names whose parts are all words.
	for changed := true; changed; {
		changed = false
		for name, deps := range built {
			for _, d := range deps {
				if good[name] && !good[d] {
					delete(good, name)
					changed = true
				}
			}
		}
	}
	return good
}

// wordOfWords lists the variables a value is built of, when it is plain
// text (no blank, no glob) joined to plain expansions of variables and to
// $1... that args knows: a word if they are. A value of no variable, or
// of anything else, gives nil.
func wordOfWords(w *syntax.Word, args map[*syntax.ParamExp]bool) []string {
	var names []string
	var parts func([]syntax.WordPart) bool
	parts = func(ps []syntax.WordPart) bool {
		for _, p := range ps {
			switch p := p.(type) {
			case *syntax.Lit:
				if strings.ContainsAny(p.Value, " \t\n*?[") {
					return false
				}
			case *syntax.DblQuoted:
				if !parts(p.Parts) {
					return false
				}
			case *syntax.ParamExp:
				switch {
				case args[p]:
				case p.Param == nil || p.Exp != nil || p.Repl != nil || p.Slice != nil || p.Excl || p.Length || p.Index != nil:
					return false
				case len(p.Param.Value) == 1 && !isLetter(p.Param.Value[0]):
					return false // $1, $@, $*: the caller's
				default:
					names = append(names, p.Param.Value)
				}
			default:
				return false
			}
		}
		return true
	}
	if !parts(w.Parts) || len(names) == 0 {
		return nil
	}
	return names
}

func isLetter(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// systemWords are the variables the system gives a script, which hold a
// name or a path without blanks on the hosts scripts run on (a home
// directory, a user name, the working directory).
var systemWords = map[string]bool{"HOME": true, "USER": true, "LOGNAME": true, "HOSTNAME": true,
	"SHELL": true, "PWD": true, "UID": true, "EUID": true, "PPID": true}

// systemPath is a value built from plain words and the system's own
// variables: HOME=$PWD/home.
func systemPath(w *syntax.Word) bool {
	var parts func([]syntax.WordPart) bool
	parts = func(ps []syntax.WordPart) bool {
		for _, p := range ps {
			switch p := p.(type) {
			case *syntax.Lit:
				if strings.ContainsAny(p.Value, " \t\n*?[") {
					return false
				}
			case *syntax.ParamExp:
				if p.Param == nil || !systemWords[p.Param.Value] || p.Exp != nil || p.Repl != nil || p.Slice != nil || p.Excl || p.Length || p.Index != nil {
					return false
				}
			case *syntax.DblQuoted:
				if !parts(p.Parts) {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	return len(w.Parts) > 0 && parts(w.Parts)
}

// splitFields is an item of a for loop that the shell splits into
// fields (an unquoted expansion): each field the loop gives is one word.
func splitFields(w *syntax.Word) bool {
	split := false
	for _, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			if strings.ContainsAny(p.Value, "*?[") {
				return false
			}
		case *syntax.ParamExp, *syntax.CmdSubst:
			split = true
		default:
			return false // quoted: the value as it is
		}
	}
	return split
}

var arithAssign = map[syntax.BinAritOperator]bool{syntax.Assgn: true, syntax.AddAssgn: true, syntax.SubAssgn: true,
	syntax.MulAssgn: true, syntax.QuoAssgn: true, syntax.RemAssgn: true, syntax.AndAssgn: true, syntax.OrAssgn: true,
	syntax.XorAssgn: true, syntax.ShlAssgn: true, syntax.ShrAssgn: true}

// plainWord: non-empty, no blanks, no glob characters.
func plainWord(s string) bool {
	return s != "" && !strings.ContainsAny(s, " \t\n*?[")
}

func isArithm(p syntax.WordPart) bool { _, ok := p.(*syntax.ArithmExp); return ok }

// oneWord says whether an unquoted parameter expansion is known to be
// one plain word: a length, a special parameter that holds a number, or
// a single-word variable read as it is.
func oneWord(p *syntax.ParamExp, words map[string]bool, args map[*syntax.ParamExp]bool) bool {
	switch {
	case args[p]:
		return true
	case p.Param == nil || p.Excl || p.Index != nil || p.Slice != nil || p.Repl != nil:
		return false
	case p.Length:
		return true
	case p.Exp != nil:
		return false
	}
	name := p.Param.Value
	return len(name) == 1 && strings.Contains("#?$!", name) || words[name]
}

// agePrimaries are the find tests that read a file's times.
var agePrimaries = map[string]bool{"-mtime": true, "-mmin": true, "-atime": true, "-amin": true,
	"-ctime": true, "-cmin": true, "-newer": true, "-anewer": true, "-cnewer": true, "-used": true,
	"-newermt": true}

// ageSeer says whether a script looks at files' modification times after
// a point: find's time tests, ls sorted by time, test -nt/-ot, stat,
// date -r. Only then does the time BusyBox gzip gives its output matter.
type ageSeer struct {
	checks []uint    // offsets of the commands that look at ages
	loops  [][2]uint // the extent of every loop: a check in a loop sees what the loop's next round compresses
}

// seenAfter says whether an age check can see a file compressed at pos:
// one that runs after it, by the order of the script or by going round a
// loop that holds both.
func (s ageSeer) seenAfter(pos syntax.Pos) bool {
	at := pos.Offset()
	for _, c := range s.checks {
		if c > at {
			return true
		}
		for _, l := range s.loops {
			if l[0] <= at && at < l[1] && l[0] <= c && c < l[1] {
				return true
			}
		}
	}
	return false
}

// ageChecks finds where a script looks at files' modification times. A
// find that compresses what it finds (-exec gzip) tests the files before
// they are compressed, and a find whose -name patterns cannot match a .gz
// file never sees one.
func ageChecks(f *syntax.File) ageSeer {
	var s ageSeer
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.WhileClause:
			s.loops = append(s.loops, [2]uint{n.Pos().Offset(), n.End().Offset()})
		case *syntax.ForClause:
			s.loops = append(s.loops, [2]uint{n.Pos().Offset(), n.End().Offset()})
		case *syntax.CallExpr:
			if len(n.Args) == 0 {
				return true
			}
			name := base(n.Args[0].Lit())
			if name == "find" && (compresses(n) || !seesGzipped(n)) {
				return true
			}
			found := name == "stat"
			for _, w := range n.Args[1:] {
				a := w.Lit()
				switch {
				case (name == "find" || name == "xargs") && agePrimaries[a]:
					found = true
				case name == "ls" && strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && strings.Contains(a, "t"):
					found = true
				case (name == "test" || name == "[") && (a == "-nt" || a == "-ot"):
					found = true
				case name == "date" && (a == "-r" || a == "--reference"):
					found = true
				}
			}
			if found {
				s.checks = append(s.checks, n.Pos().Offset())
			}
		case *syntax.BinaryTest:
			if n.Op == syntax.TsNewer || n.Op == syntax.TsOlder {
				s.checks = append(s.checks, n.Pos().Offset())
			}
		}
		return true
	})
	return s
}

// seesGzipped says whether a find's name tests let a .gz file through:
// no -name at all, or one pattern that can match "x.gz".
func seesGzipped(c *syntax.CallExpr) bool {
	named := false
	for i, w := range c.Args {
		if l := w.Lit(); (l == "-name" || l == "-iname") && i+1 < len(c.Args) {
			named = true
			pat := partial(c.Args[i+1])
			if strings.Contains(pat, unknown) || strings.HasSuffix(pat, "*") || strings.Contains(strings.ToLower(pat), "gz") {
				return true
			}
		}
	}
	return !named
}

// quietCalls are the simple commands of a script whose standard output
// goes nowhere: what they print differently under ash is never seen.
func quietCalls(f *syntax.File) map[*syntax.CallExpr]bool {
	m := map[*syntax.CallExpr]bool{}
	syntax.Walk(f, func(n syntax.Node) bool {
		if st, ok := n.(*syntax.Stmt); ok {
			if c, ok := st.Cmd.(*syntax.CallExpr); ok && discardsStdout(st.Redirs) {
				m[c] = true
			}
		}
		return true
	})
	return m
}

// compresses says whether a find command runs gzip on what it finds.
func compresses(c *syntax.CallExpr) bool {
	for i, w := range c.Args {
		if l := w.Lit(); (l == "-exec" || l == "-execdir") && i+1 < len(c.Args) && base(c.Args[i+1].Lit()) == "gzip" {
			return true
		}
	}
	return false
}

// arithWords are the variables given a value that reads as arithmetic:
// an expansion joined to an operator and more ($n+1, $a-$b). bash
// evaluates such a value as an expression where [[ ]] compares numbers;
// ash does not.
func arithWords(f *syntax.File) map[string]bool {
	m := map[string]bool{}
	syntax.Walk(f, func(n syntax.Node) bool {
		if as, ok := n.(*syntax.Assign); ok && as.Name != nil && as.Value != nil && arithLike(as.Value) {
			m[as.Name.Value] = true
		}
		return true
	})
	return m
}

// arithLike: the word expands something and has an arithmetic operator
// in its literal text, with no blank: $count+1, $a*$b.
func arithLike(w *syntax.Word) bool {
	s := partial(w)
	return strings.Contains(s, unknown) && strings.ContainsAny(strings.ReplaceAll(s, unknown, ""), "+-*/%") && !strings.ContainsAny(s, " \t")
}

// discardsStdout says whether a command's redirections send its standard
// output nowhere: >/dev/null, &>/dev/null, >&/dev/null, >&-.
func discardsStdout(redirs []*syntax.Redirect) bool {
	discarded := false
	for _, r := range redirs {
		if r.N != nil && r.N.Value != "1" {
			continue
		}
		word := ""
		if r.Word != nil {
			word = r.Word.Lit()
		}
		switch r.Op {
		case syntax.RdrOut, syntax.AppOut, syntax.RdrClob, syntax.RdrAll, syntax.AppAll:
			discarded = word == "/dev/null"
		case syntax.DplOut:
			discarded = word == "/dev/null" || word == "-"
		}
	}
	return discarded
}

// detections are the expansions that only test whether a variable is
// set: `[ -n "$BASH_VERSION" ]`, `[[ -z ${BASH_SOURCE+x} ]]`, `[ "$V" ]`.
// A script that tests a bash-only variable this way has a branch for the
// shells that lack it; ash taking that branch is what the script meant.
func detections(f *syntax.File) map[*syntax.ParamExp]bool {
	m := map[*syntax.ParamExp]bool{}
	mark := func(w *syntax.Word) {
		if p := soleParam(w); p != nil {
			m[p] = true
		}
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.TestClause:
			if w, ok := n.X.(*syntax.Word); ok {
				mark(w)
			}
		case *syntax.UnaryTest:
			if n.Op == syntax.TsEmpStr || n.Op == syntax.TsNempStr {
				if w, ok := n.X.(*syntax.Word); ok {
					mark(w)
				}
			}
		case *syntax.CallExpr:
			if len(n.Args) == 0 {
				return true
			}
			args := n.Args[1:]
			switch n.Args[0].Lit() {
			case "[":
				if len(args) > 0 && args[len(args)-1].Lit() == "]" {
					args = args[:len(args)-1]
				}
			case "test":
			default:
				return true
			}
			if len(args) == 1 {
				mark(args[0])
			}
			for i := 0; i+1 < len(args); i++ {
				if l := args[i].Lit(); l == "-n" || l == "-z" {
					mark(args[i+1])
				}
			}
		}
		return true
	})
	return m
}

// soleParam is the one parameter expansion a word is made of, quoted or
// not, or nil.
func soleParam(w *syntax.Word) *syntax.ParamExp {
	if len(w.Parts) != 1 {
		return nil
	}
	part := w.Parts[0]
	if dq, ok := part.(*syntax.DblQuoted); ok && len(dq.Parts) == 1 {
		part = dq.Parts[0]
	}
	p, _ := part.(*syntax.ParamExp)
	return p
}

// comparesStatus says whether a script compares something with the
// status value: a test, a case pattern or arithmetic with that number.
func comparesStatus(f *syntax.File, value string) bool {
	found := false
	syntax.Walk(f, func(n syntax.Node) bool {
		if w, ok := n.(*syntax.Word); ok && w.Lit() == value {
			found = true
		}
		return !found
	})
	return found
}

// readsOneChar says whether read's arguments make it read one character
// (-n 1, -N1, -rn1), and into which variables (REPLY when none is named).
func readsOneChar(args []*syntax.Word) ([]string, bool) {
	one := false
	var names []string
	for i := 0; i < len(args); i++ {
		a := args[i].Lit()
		if a == "" {
			return nil, false
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			names = append(names, a)
			continue
		}
		for j := 1; j < len(a); j++ {
			if strings.IndexByte("dinNptu", a[j]) < 0 {
				continue
			}
			v := a[j+1:]
			if v == "" && i+1 < len(args) {
				i++
				v = args[i].Lit()
			}
			if a[j] == 'n' || a[j] == 'N' {
				one = v == "1"
			}
			break
		}
	}
	if len(names) == 0 {
		names = []string{"REPLY"}
	}
	return names, one
}

// statusReadNext are the simple commands whose status the next command
// reads ($? in the statement that follows): `timeout 1 x; echo "rc=$?"`.
func statusReadNext(f *syntax.File) map[*syntax.CallExpr]bool {
	m := map[*syntax.CallExpr]bool{}
	check := func(stmts []*syntax.Stmt) {
		for i := 0; i+1 < len(stmts); i++ {
			c, ok := stmts[i].Cmd.(*syntax.CallExpr)
			if !ok {
				continue
			}
			syntax.Walk(stmts[i+1], func(n syntax.Node) bool {
				if p, ok := n.(*syntax.ParamExp); ok && p.Param != nil && p.Param.Value == "?" {
					m[c] = true
				}
				return !m[c]
			})
		}
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.File:
			check(n.Stmts)
		case *syntax.Block:
			check(n.Stmts)
		case *syntax.Subshell:
			check(n.Stmts)
		case *syntax.IfClause:
			check(n.Cond)
			check(n.Then)
		case *syntax.WhileClause:
			check(n.Cond)
			check(n.Do)
		case *syntax.ForClause:
			check(n.Do)
		case *syntax.CaseItem:
			check(n.Stmts)
		case *syntax.CmdSubst:
			check(n.Stmts)
		}
		return true
	})
	return m
}

// positionalWords are the uses of $1, $2... outside functions that the
// script's own `set -- a b` gave plain words: every top-level set of the
// positional parameters is of literal plain words, at least as many as
// the use's number, the use comes after the first of them, and nothing
// at the top level shifts them. A function's $1 is its caller's.
func positionalWords(f *syntax.File) map[*syntax.ParamExp]bool {
	out := map[*syntax.ParamExp]bool{}
	for p, vals := range positionalValues(f) {
		if p.Exp != nil || p.Repl != nil || p.Slice != nil || p.Excl || p.Length || p.Index != nil {
			continue // ${1%x}, ${#1}...: another value than the word
		}
		if !slices.ContainsFunc(vals, func(v string) bool { return !plainWord(v) }) {
			out[p] = true
		}
	}
	return out
}

// positionalValues are the values of the uses of $1, $2... outside
// functions after the script's own `set -- words` (each word literal; a
// use after several such sets has each of their values), where the top
// level never shifts. A script that sets its arguments to examples
// (set -- 2024-02-01 "March 1 2024") runs with those.
func positionalValues(f *syntax.File) map[*syntax.ParamExp][]string {
	var sets [][]string
	first := -1
	ok := true
	var uses []*syntax.ParamExp
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.FuncDecl:
			return false
		case *syntax.CallExpr:
			if len(n.Args) == 0 {
				return true
			}
			switch n.Args[0].Lit() {
			case "shift":
				ok = false
			case "set":
				args := n.Args[1:]
				if len(args) > 0 && args[0].Lit() == "--" {
					args = args[1:]
				} else if len(args) == 0 || strings.HasPrefix(args[0].Lit(), "-") || strings.HasPrefix(args[0].Lit(), "+") {
					return true // set -e, set -o x: options only
				}
				var vals []string
				for _, w := range args {
					s, lit := literal(w)
					if !lit || strings.ContainsAny(partialUnquoted(w), "*?[{") {
						ok = false // split or globbed: its words are the run's
					}
					vals = append(vals, s)
				}
				sets = append(sets, vals)
				if first < 0 {
					first = int(n.Pos().Offset())
				}
			}
		case *syntax.ParamExp:
			uses = append(uses, n)
		}
		return true
	})
	out := map[*syntax.ParamExp][]string{}
	if !ok || first < 0 {
		return out
	}
	for _, p := range uses {
		if p.Param == nil || int(p.Pos().Offset()) <= first {
			continue
		}
		n, err := strconv.Atoi(p.Param.Value)
		if err != nil || n < 1 {
			continue
		}
		var vals []string
		for _, set := range sets {
			if n > len(set) {
				vals = nil
				break
			}
			if !slices.Contains(vals, set[n-1]) {
				vals = append(vals, set[n-1])
			}
		}
		if vals != nil {
			out[p] = vals
		}
	}
	return out
}

// onlyCmdSubst is the command substitution a word is made of alone.
func onlyCmdSubst(w *syntax.Word) *syntax.CmdSubst {
	if len(w.Parts) != 1 {
		return nil
	}
	p := w.Parts[0]
	if dq, ok := p.(*syntax.DblQuoted); ok && len(dq.Parts) == 1 {
		p = dq.Parts[0]
	}
	cs, _ := p.(*syntax.CmdSubst)
	return cs
}
