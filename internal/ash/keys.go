package ash

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// keyAt is a construct of a script under its surface key.
type keyAt struct {
	Pos syntax.Pos
	Key string
	// Unseen: the construct is a command's own (its name, options, format)
	// and the command's standard output goes nowhere, so output that
	// differs under ash is never seen.
	Unseen bool
}

// keyer names every construct of a script by the key of its probe in the
// surface table.
type keyer struct {
	keys     []keyAt
	assigned map[string]bool
	words    map[string]bool // variables that only hold one plain word
	arithVar map[string]bool // variables given values that read as arithmetic
	quiet    map[*syntax.CallExpr]bool
	own      ownCommands               // the script's functions and aliases
	args     map[*syntax.ParamExp]bool // $1... the script's set -- made plain words
	detects  map[*syntax.ParamExp]bool // expansions that only test whether a variable is set
	values   valueSets                 // what each variable can hold
	// errorSeen are the ${p?w} expansions whose failure status a script
	// can tell apart (the others fail alike under both shells, or never).
	errorSeen map[*syntax.ParamExp]bool
	depth     int // functions we are inside
	subshells int // subshells we are inside, outside any function
	// program: the script starts with #!, so it is run, not sourced.
	program bool
	// reached are the commands of the top level that run whatever the
	// conditions before them say (topLevelReached).
	reached map[*syntax.CallExpr]bool
	unseen  bool // the keys being added are of a command nobody reads
	// situation: what the script did so far that puts applets in a
	// situation (situations.go).
	situation situationState
}

func (k *keyer) add(pos syntax.Pos, key string) {
	k.keys = append(k.keys, keyAt{pos, key, k.unseen})
}

// fileKeys lists the keys of a parsed script, in tree order.
func fileKeys(f *syntax.File, program bool, assigned, words map[string]bool, quiet map[*syntax.CallExpr]bool, values valueSets) []keyAt {
	k := &keyer{assigned: assigned, words: words, arithVar: arithWords(f), quiet: quiet, own: scriptOwnCommands(f), args: positionalWords(f), detects: detections(f),
		values: values, errorSeen: errorStatusSeen(f), situation: newSituationState(f), program: program, reached: topLevelReached(f)}
	k.walk(f)
	return k.keys
}

// scriptKeys is every surface key a script uses.
func scriptKeys(src []byte) []string {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(string(src)), "")
	if err != nil {
		return nil
	}
	var out []string
	for _, ka := range fileKeys(f, bytes.HasPrefix(src, []byte("#!")), assignments(f), singleWords(f), quietCalls(f), scriptValues(f)) {
		out = append(out, ka.Key)
	}
	return out
}

func (k *keyer) walk(node syntax.Node) {
	syntax.Walk(node, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.FuncDecl:
			switch {
			case n.RsrvWord && n.Parens:
				k.add(n.Pos(), "syntax function()")
			case n.RsrvWord:
				k.add(n.Pos(), "syntax function")
			}
			if n.Name != nil && strings.ContainsAny(n.Name.Value, "-.:") {
				k.add(n.Pos(), "syntax f-name-dash")
			}
			if _, ok := n.Body.Cmd.(*syntax.Subshell); ok {
				k.add(n.Pos(), "syntax f() ( )")
			}
			k.depth++
			k.walk(n.Body)
			k.depth--
			return false
		case *syntax.Stmt:
			if n.Negated {
				k.add(n.Pos(), "syntax !")
			}
			if n.Background {
				k.add(n.Pos(), "syntax &")
			}
		case *syntax.BinaryCmd:
			switch n.Op {
			case syntax.PipeAll:
				k.add(n.OpPos, "syntax |&")
			case syntax.AndStmt, syntax.OrStmt:
				k.add(n.OpPos, "syntax &&")
			case syntax.Pipe:
				if c, ok := n.Y.Cmd.(*syntax.CallExpr); ok && len(c.Args) > 0 && c.Args[0].Lit() == "read" {
					k.add(n.OpPos, "syntax lastpipe")
				}
			}
		case *syntax.Subshell:
			k.add(n.Pos(), "syntax ( )")
			k.subshells++
			for _, st := range n.Stmts {
				k.walk(st)
			}
			k.subshells--
			return false
		case *syntax.Block:
			k.add(n.Pos(), "syntax { }")
		case *syntax.IfClause:
			k.add(n.Pos(), "syntax if")
		case *syntax.WhileClause:
			if n.Until {
				k.add(n.Pos(), "syntax until")
			} else {
				k.add(n.Pos(), "syntax while")
			}
		case *syntax.ForClause:
			switch loop := n.Loop.(type) {
			case *syntax.CStyleLoop:
				k.add(n.Pos(), "syntax for((")
				k.arith(loop.Init)
				k.arith(loop.Cond)
				k.arith(loop.Post)
			case *syntax.WordIter:
				switch {
				case n.Select:
					k.add(n.Pos(), "syntax select")
				case !loop.InPos.IsValid():
					k.add(n.Pos(), "syntax for-noin")
				default:
					k.add(n.Pos(), "syntax for")
				}
				for _, w := range loop.Items {
					k.word(w, true)
				}
			}
		case *syntax.CaseClause:
			k.add(n.Pos(), "syntax case")
			for _, it := range n.Items {
				for _, w := range it.Patterns {
					if hasBraces(w) {
						k.add(w.Pos(), "syntax {a,b} case")
					}
				}
				switch it.Op {
				case syntax.Fallthrough:
					k.add(it.OpPos, "syntax case ;&")
				case syntax.Resume:
					k.add(it.OpPos, "syntax case ;;&")
				}
			}
		case *syntax.CoprocClause:
			k.add(n.Pos(), "syntax coproc")
		case *syntax.TimeClause:
			if n.PosixFormat {
				k.add(n.Pos(), "syntax time -p")
			} else {
				k.add(n.Pos(), "syntax time")
			}
			k.timed(n)
		case *syntax.ArithmCmd:
			k.add(n.Pos(), "syntax ((")
			k.arith(n.X)
		case *syntax.ArithmExp:
			if n.Bracket {
				k.add(n.Pos(), "syntax $[")
			}
			k.arith(n.X)
		case *syntax.LetClause:
			k.add(n.Pos(), "syntax let")
			k.add(n.Pos(), "builtin let")
			k.letForms(n)
			for _, x := range n.Exprs {
				k.arith(x)
			}
		case *syntax.TestClause:
			k.add(n.Pos(), "syntax [[")
			k.test(n.X)
			k.testAlone(n.X)
		case *syntax.Redirect:
			k.redirect(n)
		case *syntax.ProcSubst:
			if n.Op == syntax.CmdIn {
				k.add(n.Pos(), "syntax <(")
			} else {
				k.add(n.Pos(), "syntax >(")
			}
		case *syntax.CmdSubst:
			switch {
			case n.Backquotes:
				k.add(n.Pos(), "syntax ``")
			case len(n.Stmts) == 1 && n.Stmts[0].Cmd == nil && len(n.Stmts[0].Redirs) == 1 && n.Stmts[0].Redirs[0].Op == syntax.RdrIn:
				k.add(n.Pos(), "syntax $(<file)")
			default:
				k.add(n.Pos(), "syntax $()")
			}
			if form := wordCommandForm(n); form != "" && surface.byKey["word $("+form+")"] != nil {
				k.add(n.Pos(), "word $("+form+")")
			}
			syntax.Walk(n, func(m syntax.Node) bool {
				if r, ok := m.(*syntax.Redirect); ok && (r.Op == syntax.Hdoc || r.Op == syntax.DashHdoc) {
					k.add(r.OpPos, "redir <<EOF in $()")
				}
				return true
			})
		case *syntax.ParamExp:
			k.param(n)
		case *syntax.ExtGlob:
			k.add(n.Pos(), "syntax extglob")
			if n.Op == syntax.GlobExcept {
				k.add(n.Pos(), "syntax extglob !(")
			}
		case *syntax.SglQuoted:
			if n.Dollar {
				k.add(n.Pos(), "syntax $'")
				for _, esc := range dollarEscape.FindAllString(n.Value, -1) {
					k.add(n.Pos(), "quote $'"+escapeClass(esc)+"'")
				}
			}
		case *syntax.DblQuoted:
			if n.Dollar {
				k.add(n.Pos(), "syntax $\"")
			}
		case *syntax.Assign:
			k.assign(n, "")
		case *syntax.DeclClause:
			k.decl(n)
		case *syntax.CallExpr:
			k.call(n)
		}
		return true
	})
}

var dollarEscape = regexp.MustCompile(`\\([abeEfnrtv\\'"?]|[0-7]{1,3}|x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|c.)`)

func escapeClass(esc string) string {
	switch c := esc[1]; {
	case c >= '0' && c <= '7':
		return `\nnn`
	case c == 'x':
		return `\xHH`
	case c == 'u':
		return `\uHHHH`
	case c == 'U':
		return `\UHHHHHHHH`
	case c == 'c':
		return `\cx`
	}
	return esc
}

// assign names an assignment; in is the declaring builtin, if any.
func (k *keyer) assign(as *syntax.Assign, in string) {
	if as.Name == nil {
		return
	}
	name := as.Name.Value
	k.add(as.Pos(), "assign "+name)
	switch {
	case as.Array != nil && as.Append:
		k.add(as.Pos(), "assign a+=(")
	case as.Array != nil:
		k.add(as.Pos(), "assign a=(")
	case as.Index != nil:
		k.add(as.Pos(), "assign a[i]=")
	case as.Append:
		k.add(as.Pos(), "assign +=")
	}
	if as.Value != nil {
		if hasBraces(as.Value) {
			k.add(as.Value.Pos(), "syntax {a,b} v=")
		}
		if s := partial(as.Value); strings.Contains(s, ":~") || strings.HasPrefix(s, "~") && strings.Contains(s, ":") {
			k.add(as.Pos(), "assign ~:")
		}
		if in == "local" || in == "export" {
			for _, p := range as.Value.Parts {
				switch p.(type) {
				case *syntax.ParamExp, *syntax.CmdSubst:
					k.add(as.Pos(), "assign "+in+"-split")
				}
			}
		}
	}
}

func (k *keyer) decl(d *syntax.DeclClause) {
	variant := d.Variant.Value
	k.add(d.Pos(), "builtin "+variant)
	for _, as := range d.Args {
		if as.Naked && as.Name == nil && as.Value != nil {
			if v := as.Value.Lit(); len(v) > 1 && (v[0] == '-' || v[0] == '+') {
				for _, l := range v[1:] {
					k.add(as.Pos(), "builtin "+variant+" -"+string(l))
				}
			} else if hasBraces(as.Value) {
				// bash expands the word before the builtin sees it
				// (export {A,B}_PROXY=x sets two); ash takes it whole.
				k.add(as.Pos(), "syntax {a,b} "+variant)
			}
			continue
		}
		k.assign(as, variant)
	}
}

func (k *keyer) redirect(r *syntax.Redirect) {
	op := r.Op.String()
	word := ""
	if r.Word != nil {
		word = partial(r.Word)
	}
	switch r.Op {
	case syntax.DplIn, syntax.DplOut:
		switch {
		case word == "-":
			k.add(r.OpPos, "redir >&-")
		case strings.HasSuffix(word, "-") && isNumber(strings.TrimSuffix(word, "-")):
			k.add(r.OpPos, "redir >&-move")
		case isNumber(word) || strings.HasPrefix(word, unknown):
			k.add(r.OpPos, "redir n"+op+"m")
		default:
			k.add(r.OpPos, "redir >&word")
		}
	case syntax.Hdoc:
		if r.Word != nil && len(r.Word.Parts) > 0 {
			if _, ok := r.Word.Parts[0].(*syntax.Lit); !ok || strings.Contains(r.Word.Lit(), `\`) {
				k.add(r.OpPos, "redir <<'EOF'")
				break
			}
		}
		k.add(r.OpPos, "redir <<")
	case syntax.RdrClob:
		k.add(r.OpPos, "redir >|")
	default:
		k.add(r.OpPos, "redir "+op)
	}
	if r.N != nil {
		switch n := r.N.Value; {
		case strings.HasPrefix(n, "{"):
			k.add(r.N.Pos(), "redir {var}>")
		case isNumber(n) && len(n) > 1:
			k.add(r.N.Pos(), "redir fd>9")
		}
	}
	if isNumber(word) && len(word) > 1 {
		k.add(r.OpPos, "redir fd>9")
	}
	k.devicePath(r.OpPos, word)
	k.redirected(r)
}

// devicePath names the files bash emulates.
func (k *keyer) devicePath(pos syntax.Pos, s string) {
	switch {
	case s == "/dev/stdin":
		k.add(pos, "redir /dev/stdin")
	case s == "/dev/stderr" || s == "/dev/stdout":
		k.add(pos, "redir /dev/stderr")
	case strings.HasPrefix(s, "/dev/fd/"):
		k.add(pos, "redir /dev/fd/N")
	case strings.HasPrefix(s, "/dev/tcp/") || strings.HasPrefix(s, "/dev/udp/"):
		k.add(pos, "redir /dev/tcp")
	}
}

var paramOps = map[syntax.ParExpOperator]string{
	syntax.DefaultUnset: "${p-w}", syntax.DefaultUnsetOrNull: "${p:-w}",
	syntax.AssignUnset: "${p=w}", syntax.AssignUnsetOrNull: "${p:=w}",
	syntax.ErrorUnset: "${p?w}", syntax.ErrorUnsetOrNull: "${p:?w}",
	syntax.AlternateUnset: "${p+w}", syntax.AlternateUnsetOrNull: "${p:+w}",
	syntax.RemSmallPrefix: "${p#w}", syntax.RemLargePrefix: "${p##w}",
	syntax.RemSmallSuffix: "${p%w}", syntax.RemLargeSuffix: "${p%%w}",
	syntax.UpperFirst: "${p^}", syntax.UpperAll: "${p^^}", syntax.LowerFirst: "${p,}", syntax.LowerAll: "${p,,}",
}

func (k *keyer) param(p *syntax.ParamExp) {
	add := func(form string) { k.add(p.Pos(), "param "+form) }
	name := ""
	if p.Param != nil {
		name = p.Param.Value
	}
	positional := name == "@" || name == "*"
	switch key := fallbackKey(p); {
	case name == "" || k.assigned[name] || k.detects[p]:
	case key != "":
		k.add(p.Pos(), key) // read through a default that computes it
	default:
		k.add(p.Pos(), "var "+name)
	}
	if name == "OPTARG" && p.Exp != nil {
		switch p.Exp.Op {
		case syntax.DefaultUnset, syntax.AssignUnset, syntax.ErrorUnset, syntax.AlternateUnset:
			// whether it is set: bash unsets it after an option
			// without a value, ash sets it empty
			k.add(p.Pos(), "var OPTARG unset")
		}
	}
	switch {
	case p.Length && positional:
		add("${#@}")
	case p.Length && p.Index != nil:
		add("${#name[i]}")
	case p.Length:
		add("${#p}")
	case p.Excl && p.Names == syntax.NamesPrefix:
		add("${!prefix*}")
	case p.Excl && p.Names == syntax.NamesPrefixWords:
		add("${!prefix@}")
	case p.Excl && p.Index != nil:
		if indexWord(p.Index) == "*" {
			add("${!name[*]}")
		} else {
			add("${!name[@]}")
		}
	case p.Excl:
		add("${!p}")
	case p.Index != nil:
		switch indexWord(p.Index) {
		case "@":
			add("${name[@]}")
		case "*":
			add("${name[*]}")
		default:
			add("${name[i]}")
		}
	case !p.Short && p.Slice == nil && p.Repl == nil && p.Exp == nil:
		add("${p}")
	}
	if s := p.Slice; s != nil {
		switch {
		case positional && s.Length != nil:
			add("${@:o:l}")
		case positional:
			add("${@:o}")
		case s.Length != nil:
			add("${p:o:l}")
		default:
			add("${p:o}")
		}
		switch off := s.Offset.(type) {
		case *syntax.UnaryArithm:
			if off.Op == syntax.Minus {
				add("${p: -o}")
			}
		case *syntax.ParenArithm:
			add("${p:(-o)}")
		case *syntax.BinaryArithm:
			add("${p:expr}")
		case *syntax.Word:
			if len(off.Parts) > 0 {
				if _, ok := off.Parts[0].(*syntax.ParamExp); ok {
					add("${p:$o}")
				} else if l := off.Lit(); l != "" && !isNumber(l) {
					add("${p:expr}")
				}
			}
		}
		if u, ok := s.Length.(*syntax.UnaryArithm); ok && u.Op == syntax.Minus {
			add("${p:o:-l}")
		}
		if w, ok := s.Length.(*syntax.Word); ok && strings.HasPrefix(w.Lit(), "-") {
			add("${p:o:-l}")
		}
	}
	if r := p.Repl; r != nil {
		orig := ""
		if r.Orig != nil {
			orig = partial(r.Orig)
		}
		switch {
		case strings.HasPrefix(orig, "#"):
			add("${p/#pat/s}")
		case strings.HasPrefix(orig, "%"):
			add("${p/%pat/s}")
		case r.All:
			add("${p//pat/s}")
		default:
			add("${p/pat/s}")
		}
		if r.With == nil {
			add("${p/pat}")
		} else {
			for _, part := range r.With.Parts {
				switch part := part.(type) {
				case *syntax.Lit:
					if strings.Contains(strings.ReplaceAll(part.Value, `\&`, ""), "&") {
						add("${p//pat/&}")
					}
				case *syntax.ParamExp:
					add("${p/pat/$s}")
				}
			}
		}
		if r.Orig != nil {
			for _, part := range r.Orig.Parts {
				switch part := part.(type) {
				case *syntax.Lit:
					if strings.Contains(part.Value, "[") {
						add("${p//[class]/s}")
					}
					if strings.Contains(part.Value, `\/`) {
						add("${p//\\//s}")
					}
				case *syntax.ParamExp:
					add("${p//$x/s}")
				}
			}
		}
	}
	if e := p.Exp; e != nil {
		pattern := e.Word != nil && len(e.Word.Parts) > 0
		switch e.Op {
		case syntax.OtherParamOps:
			if e.Word != nil {
				add("${p@" + e.Word.Lit() + "}")
			}
		case syntax.UpperFirst, syntax.UpperAll, syntax.LowerFirst, syntax.LowerAll:
			form := paramOps[e.Op]
			if pattern {
				form = strings.TrimSuffix(form, "}") + "pat}"
			}
			add(form)
		case syntax.ErrorUnset, syntax.ErrorUnsetOrNull:
			if k.errorSeen[p] {
				add(paramOps[e.Op])
			}
		default:
			if form, ok := paramOps[e.Op]; ok {
				add(form)
			}
			if (e.Op == syntax.RemSmallPrefix || e.Op == syntax.RemLargePrefix || e.Op == syntax.RemSmallSuffix || e.Op == syntax.RemLargeSuffix) &&
				e.Word != nil && strings.Contains(partial(e.Word), "[") {
				add("${p#[class]}")
			}
		}
	}
}

func indexWord(x syntax.ArithmExpr) string {
	if w, ok := x.(*syntax.Word); ok {
		return w.Lit()
	}
	return ""
}

var arithOpKeys = map[string]string{"?": "?:", ",": ","}

// arith names the operators and constants of an arithmetic expression.
func (k *keyer) arith(x syntax.ArithmExpr) {
	if x == nil {
		return
	}
	syntax.Walk(x, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.BinaryArithm:
			op := n.Op.String()
			if op == ":" {
				return true
			}
			if key, ok := arithOpKeys[op]; ok {
				op = key
			}
			k.add(n.OpPos, "arith "+op)
		case *syntax.UnaryArithm:
			switch n.Op {
			case syntax.Inc, syntax.Dec:
				if n.Post {
					k.add(n.OpPos, "arith x"+n.Op.String())
				} else {
					k.add(n.OpPos, "arith "+n.Op.String()+"x")
				}
			case syntax.Plus, syntax.Minus:
				k.add(n.OpPos, "arith unary "+n.Op.String())
			default:
				k.add(n.OpPos, "arith "+n.Op.String())
			}
		case *syntax.Word:
			l := n.Lit()
			switch {
			case len(n.Parts) == 1:
				if pe, ok := n.Parts[0].(*syntax.ParamExp); ok {
					switch {
					case pe.Short && pe.Index != nil:
						k.add(n.Pos(), "arith name[i]")
					case !pe.Short && !pe.Dollar.IsValid():
					default:
						k.add(n.Pos(), "arith $name")
					}
				}
			}
			switch {
			case l == "":
			case strings.HasPrefix(l, "0x") || strings.HasPrefix(l, "0X"):
				k.add(n.Pos(), "arith 0x")
			case strings.Contains(l, "#"):
				k.add(n.Pos(), "arith base#n")
			case len(l) > 1 && l[0] == '0' && isNumber(l):
				k.add(n.Pos(), "arith 0octal")
			case !isNumber(l):
				k.add(n.Pos(), "arith name")
			}
		}
		return true
	})
}

func (k *keyer) test(x syntax.TestExpr) {
	syntax.Walk(x, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.ParenTest:
			k.add(n.Pos(), "[[ (")
		case *syntax.UnaryTest:
			k.add(n.OpPos, "[[ "+n.Op.String())
			k.testOperand(n.X, false)
		case *syntax.Word:
			if hasBraces(n) {
				k.add(n.Pos(), "syntax {a,b} [[")
			}
		case *syntax.BinaryTest:
			k.add(n.OpPos, "[[ "+n.Op.String())
			switch n.Op {
			case syntax.TsReMatch:
				if w, ok := n.Y.(*syntax.Word); ok {
					switch {
					case unquotedParen(w):
						k.add(w.Pos(), "[[ =~ (")
					case len(w.Parts) == 1 && isParam(w.Parts[0]):
						k.add(w.Pos(), "[[ =~ $re")
					case hasQuotes(w):
						k.add(w.Pos(), "[[ =~ \"quoted\"")
					}
					if esc := regexEscape.FindStringSubmatch(partialUnquoted(w)); esc != nil {
						if strings.TrimSpace(esc[1]) == "" {
							k.add(w.Pos(), "[[ =~ \\blank")
						} else {
							k.add(w.Pos(), "[[ =~ \\special")
						}
					}
				}
			case syntax.TsMatch, syntax.TsMatchShort, syntax.TsNoMatch:
				if w, ok := n.Y.(*syntax.Word); ok {
					if quotedGlob(w) {
						k.add(w.Pos(), "[[ == \"quoted\"")
					} else if strings.ContainsAny(partialUnquoted(w), "*?[") {
						k.add(w.Pos(), "[[ == pattern")
					}
				}
			}
			if n.Op != syntax.AndTest && n.Op != syntax.OrTest {
				numeric := n.Op >= syntax.TsEql && n.Op <= syntax.TsGtr
				k.testOperand(n.X, numeric)
				if n.Op != syntax.TsReMatch {
					k.testOperand(n.Y, numeric)
				}
			}
		}
		return true
	})
}

// regexEscape is a backslash in the unquoted text of a regex: bash
// passes it to the regex, ash removes it before.
var regexEscape = regexp.MustCompile(`\\(.)`)

// testAlone names a word that is a test by itself ([[ $x ]], [[ ! $x ]],
// [[ $x && -f f ]]): a test of its being non-empty, which ash splits.
func (k *keyer) testAlone(x syntax.TestExpr) {
	switch x := x.(type) {
	case *syntax.ParenTest:
		k.testAlone(x.X)
	case *syntax.UnaryTest:
		if x.Op == syntax.TsNot {
			k.testAlone(x.X)
		}
	case *syntax.BinaryTest:
		if x.Op == syntax.AndTest || x.Op == syntax.OrTest {
			k.testAlone(x.X)
			k.testAlone(x.Y)
		}
	case *syntax.Word:
		for _, p := range x.Parts {
			switch p := p.(type) {
			case *syntax.ParamExp:
				if !oneWord(p, k.words, k.args) {
					k.add(p.Pos(), "[[ $unquoted alone")
				}
			case *syntax.CmdSubst:
				if !oneWordCommand(p) {
					k.add(p.Pos(), "[[ $(cmd) alone")
				}
			}
		}
	}
}

// letForms names the shapes of let's arguments: unquoted parentheses
// (bash's arithmetic, ash's syntax error), quoted ones, several
// expressions.
func (k *keyer) letForms(l *syntax.LetClause) {
	if len(l.Exprs) > 1 {
		k.add(l.Pos(), "syntax let a b")
	}
	for _, x := range l.Exprs {
		if w, ok := x.(*syntax.Word); ok {
			for _, p := range w.Parts {
				switch p := p.(type) {
				case *syntax.SglQuoted:
					if strings.Contains(p.Value, "(") {
						k.add(w.Pos(), "syntax let \"(\"")
					}
				case *syntax.DblQuoted:
					if strings.Contains(partial(w), "(") {
						k.add(w.Pos(), "syntax let \"(\"")
					}
				}
			}
			continue
		}
		paren := false
		syntax.Walk(x, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.Word:
				return false // a quoted or expanded word: not the grammar's parentheses
			case *syntax.ParenArithm:
				if !paren {
					k.add(n.Pos(), "syntax let (")
				}
				paren = true
			}
			return true
		})
	}
}

// scriptAliases are the names a script defines aliases for (alias
// name=value), and whether it turns on bash's expansion of them.
func scriptAliases(f *syntax.File) (map[string]bool, bool) {
	names, expand := map[string]bool{}, false
	syntax.Walk(f, func(n syntax.Node) bool {
		c, ok := n.(*syntax.CallExpr)
		if !ok || len(c.Args) < 2 {
			return true
		}
		switch c.Args[0].Lit() {
		case "alias":
			for _, w := range c.Args[1:] {
				if name, _, ok := strings.Cut(partial(w), "="); ok && name != "" && !strings.HasPrefix(name, "-") {
					names[name] = true
				}
			}
		case "shopt":
			if c.Args[1].Lit() == "-s" {
				for _, w := range c.Args[2:] {
					if w.Lit() == "expand_aliases" {
						expand = true
					}
				}
			}
		}
		return true
	})
	return names, expand
}

// timed names what decides where a time report goes: under ash the
// time applet writes it to the timed command's standard error, so a
// redirection of that command's (time cmd 2>/dev/null, 2>&1) takes it,
// where bash's keyword writes to the shell's.
func (k *keyer) timed(t *syntax.TimeClause) {
	st := t.Stmt
	if st == nil {
		return
	}
	if p, ok := st.Cmd.(*syntax.BinaryCmd); ok && (p.Op == syntax.Pipe || p.Op == syntax.PipeAll) {
		k.add(p.OpPos, "syntax time |")
		for {
			// The applet times the pipeline's first command only.
			st = p.X
			if p, ok = st.Cmd.(*syntax.BinaryCmd); !ok || p.Op != syntax.Pipe && p.Op != syntax.PipeAll {
				break
			}
		}
	}
	for _, r := range st.Redirs {
		fd2 := r.N != nil && r.N.Value == "2"
		switch {
		case fd2 && r.Op == syntax.DplOut && r.Word != nil && r.Word.Lit() == "1":
			k.add(r.OpPos, "syntax time 2>&1")
		case fd2 && r.Op == syntax.DplOut && r.Word != nil && r.Word.Lit() == "-",
			fd2 && (r.Op == syntax.RdrOut || r.Op == syntax.AppOut),
			r.N == nil && (r.Op == syntax.RdrAll || r.Op == syntax.AppAll),
			r.N == nil && r.Op == syntax.DplOut && r.Word != nil && !isNumber(r.Word.Lit()) && r.Word.Lit() != "-":
			if t.PosixFormat {
				k.add(r.OpPos, "syntax time -p 2>")
			} else {
				k.add(r.OpPos, "syntax time 2>")
			}
		}
	}
}

// testOperand names an unquoted expansion in [[ ]], which ash splits.
// An operand of a numeric operator is a number, and a variable that only
// ever holds one plain word splits into that word: neither is the
// probe's value with a blank or an empty one.
func (k *keyer) testOperand(x syntax.TestExpr, numeric bool) {
	w, ok := x.(*syntax.Word)
	if !ok {
		return
	}
	if l, ok := literal(w); ok && numeric && !isNumber(strings.TrimLeft(l, "+-")) && l != "" {
		// [[ i -gt 1 ]]: bash reads a name (or an expression) as
		// arithmetic, ash only a number.
		k.add(w.Pos(), "[[ -eq name")
	}
	for _, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.ParamExp:
			switch {
			case p.Param != nil && strings.Contains("#?$!", p.Param.Value) && p.Exp == nil && p.Repl == nil && p.Slice == nil:
				k.add(p.Pos(), "[[ -n $#")
			case numeric && p.Param != nil && k.arithVar[p.Param.Value]:
				k.add(p.Pos(), "[[ -eq $expr")
			case oneWord(p, k.words, k.args):
			case numeric:
				k.add(p.Pos(), "[[ -eq $unquoted")
			default:
				k.add(p.Pos(), "[[ $unquoted")
			}
		case *syntax.CmdSubst:
			if !oneWordCommand(p) {
				k.add(p.Pos(), "[[ $(cmd)")
			}
		}
	}
}

func isParam(p syntax.WordPart) bool { _, ok := p.(*syntax.ParamExp); return ok }

func hasQuotes(w *syntax.Word) bool {
	for _, p := range w.Parts {
		switch p.(type) {
		case *syntax.SglQuoted, *syntax.DblQuoted:
			return true
		}
	}
	return false
}

// partialUnquoted is the unquoted literal text of a word.
func partialUnquoted(w *syntax.Word) string {
	var b strings.Builder
	for _, p := range w.Parts {
		if l, ok := p.(*syntax.Lit); ok {
			b.WriteString(l.Value)
		}
	}
	return b.String()
}

// specialBuiltins keep prefix assignments in POSIX shells.
var specialBuiltins = map[string]bool{":": true, ".": true, "eval": true, "exec": true, "exit": true,
	"export": true, "readonly": true, "return": true, "set": true, "shift": true, "trap": true, "unset": true}

func (k *keyer) call(c *syntax.CallExpr) {
	if len(c.Args) == 0 {
		return
	}
	for _, w := range c.Args {
		k.word(w, false)
	}
	k.judgeCall(c)
}

// judgeCall names the constructs of a command line as each command it
// runs: those a wrapper function runs too.
func (k *keyer) judgeCall(c *syntax.CallExpr) {
	// A command held in a variable is each of the commands it can be.
	for _, name := range k.values.of(c.Args[0]) {
		if w, ok := k.own.wrapped(name, c); ok {
			if k.quiet[c] {
				k.quiet[w] = true
			}
			k.judgeCall(w)
		}
		if base(name) == "find" && !k.own.has(name) {
			for _, w := range findExecCalls(c) {
				k.judgeCall(w)
			}
		}
		if name != "" {
			k.callAs(name, c)
		}
	}
}

// callAs names the constructs of a simple command run as name.
func (k *keyer) callAs(name string, c *syntax.CallExpr) {
	if len(c.Assigns) > 0 {
		switch {
		case k.own.funcs[name]:
			k.add(c.Pos(), "assign prefix-function")
		case specialBuiltins[name]:
			k.add(c.Pos(), "assign prefix-special")
		default:
			k.add(c.Pos(), "assign prefix")
		}
	}
	args := make([]string, len(c.Args)-1)
	for i, w := range c.Args[1:] {
		args[i] = partial(w)
	}
	at := func(i int) syntax.Pos { return c.Args[i+1].Pos() }
	k.unseen = k.quiet[c]
	defer func() { k.unseen = false }()
	for i, a := range args {
		k.devicePath(at(i), a)
	}
	if name == "return" && k.depth == 0 {
		// Outside a function, return ends a sourced file alike; in a
		// script that is run, ash returns from it (or its subshell)
		// where bash complains and goes on.
		switch {
		case !k.program:
			k.add(c.Pos(), "syntax return-in-source")
		case k.subshells > 0:
			k.add(c.Pos(), "syntax return-top ( )")
		case k.reached[c]:
			k.add(c.Pos(), "syntax return-top")
		}
	}
	if (name == "return" || name == "exit") && len(args) > 0 {
		if n, err := strconv.Atoi(args[0]); err == nil {
			switch {
			case n < 0:
				k.add(at(0), "syntax "+name+" -N")
			case n > 255:
				k.add(at(0), "syntax "+name+" N>255")
			}
		}
	}
	switch name {
	case "echo":
		k.echo(args, at)
	case "printf":
		k.printf(args, at)
	case "trap":
		k.trap(args, at)
	case "kill":
		for i, a := range args {
			if strings.HasPrefix(a, "-SIG") {
				k.add(at(i), "kill -SIGNAME")
			}
		}
	case "test", "[":
		k.testArgs(args, at, name == "[")
	case "set":
		for i, a := range args {
			if (a == "-o" || a == "+o") && i+1 < len(args) {
				k.add(at(i), "set -o "+args[i+1])
			}
		}
	case "shopt":
		for i, a := range args {
			if !strings.HasPrefix(a, "-") {
				k.add(at(i), "shopt "+a)
			}
		}
	}
	if k.own.aliases[name] && len(c.Assigns) == 0 {
		// bash runs the command (or function) of that name; ash the alias.
		switch {
		case k.own.expandAliases:
			k.add(c.Pos(), "syntax alias-use expand_aliases")
		case k.own.funcs[name]:
			k.add(c.Pos(), "syntax alias-use function")
		default:
			k.add(c.Pos(), "syntax alias-use")
		}
	}
	base := base(name)
	if k.own.has(name) {
		return // the script's own command, neither builtin nor applet
	}
	k.situations(c, base)
	if base == "find" {
		k.findPrimaries(args, at)
	}
	if e := surface.byKey["builtin "+name]; e != nil {
		k.add(c.Pos(), "builtin "+name)
		if name == "kill" && signalsNoJob(c.Args[1:]) {
			return // the probes signal a job; the shell itself has no job notice
		}
		k.options("builtin "+name, args, at, name == "set")
	} else if e := surface.byKey["applet "+base]; e != nil {
		// The bare key is the applet run without options; with options,
		// their probes (the same command with each) say what happens.
		if !hasOptions(args) {
			k.add(c.Pos(), "applet "+base)
		}
		k.options("applet "+base, args, at, false)
		for _, w := range c.Args[1:] {
			for _, p := range w.Parts {
				if ps, ok := p.(*syntax.ProcSubst); ok && ps.Op == syntax.CmdIn && surface.byKey["applet "+base+" <("] != nil {
					k.add(ps.Pos(), "applet "+base+" <(")
				}
			}
		}
	}
}

// signalsNoJob says whether every process a kill signals is the shell
// itself or its parent ($$, $PPID), never a job of the script: what
// differs in the probes of kill's signals is the notice of a killed job.
func signalsNoJob(words []*syntax.Word) bool {
	targets := 0
	for _, w := range operands(words) {
		p := soleParam(w)
		if p == nil || p.Param == nil || p.Exp != nil || p.Param.Value != "$" && p.Param.Value != "PPID" {
			return false
		}
		targets++
	}
	return targets > 0
}

// hasOptions: an argument before "--" starts with a dash.
func hasOptions(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if len(a) > 1 && a[0] == '-' {
			return true
		}
	}
	return false
}

// options names each option of a command line by the keys of the table:
// "-abc" is three options unless the table knows "-abc"; an option whose
// probe gave it a value takes the next argument.
func (k *keyer) options(prefix string, args []string, at func(int) syntax.Pos, plus bool) {
	stopAtOperand := strings.HasPrefix(prefix, "builtin ") || runsCommand[strings.TrimPrefix(prefix, "applet ")]
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			if strings.HasPrefix(prefix, "builtin ") && surface.byKey[prefix+" --"] != nil {
				k.add(at(i), prefix+" --")
			}
			return
		}
		if surface.byKey[prefix+" "+a] != nil && strings.HasPrefix(a, "-") && isNumber(a[1:]) {
			k.add(at(i), prefix+" "+a) // gzip -9, comm -12, xargs -0
			continue
		}
		isOpt := len(a) > 1 && (a[0] == '-' || plus && a[0] == '+') && !isNumber(a[1:]) && !strings.HasPrefix(a[1:], unknown)
		if !isOpt {
			if stopAtOperand {
				return
			}
			continue
		}
		if strings.HasPrefix(a, "--") {
			name, _, hasValue := strings.Cut(a, "=")
			if e := surface.byKey[prefix+" "+name]; e != nil {
				k.add(at(i), prefix+" "+name)
				if e.TakesValue && !hasValue {
					i++
				}
			}
			continue
		}
		if surface.byKey[prefix+" "+a] != nil && len(a) > 2 {
			k.add(at(i), prefix+" "+a)
			continue
		}
		for j := 1; j < len(a); j++ {
			if a[j] == 0 {
				break
			}
			key := prefix + " -" + string(a[j])
			e := surface.byKey[key]
			if e == nil {
				continue
			}
			k.add(at(i), key)
			if e.TakesValue {
				if j == len(a)-1 {
					i++
				}
				break
			}
		}
	}
}

var (
	printfConv   = regexp.MustCompile(`%[-+ #0']*(\*|[0-9]*)(\.(\*|[0-9]*))?(\([^)]*\)T|[a-zA-Z])`)
	printfEscape = regexp.MustCompile(`\\(u|U|e|x|0[0-7]|c)`)
	echoEsc      = regexp.MustCompile(`\\(e|x|u|U|0[0-7]|c|[abfnrtv\\])`)
)

func (k *keyer) printf(args []string, at func(int) syntax.Pos) {
	i := 0
	if len(args) > 1 && args[0] == "-v" {
		i = 2
	}
	if i < len(args) && args[i] == "--" {
		k.add(at(i), "printf --")
		i++
	}
	if i >= len(args) {
		return
	}
	format := strings.ReplaceAll(args[i], "%%", "")
	pos := at(i)
	for _, m := range printfConv.FindAllStringSubmatch(format, -1) {
		conv := m[4]
		switch {
		case strings.HasSuffix(conv, "T"):
			k.add(pos, "printf %(fmt)T")
		case conv == "q" || conv == "b" || conv == "c":
			k.add(pos, "printf %"+conv)
		case conv == "i":
			k.add(pos, "printf %d")
		case conv == "X" || conv == "o":
			k.add(pos, "printf %x")
		case conv == "e" || conv == "g" || conv == "E" || conv == "G":
			k.add(pos, "printf %f")
		default:
			k.add(pos, "printf %"+conv)
		}
		if m[1] == "*" || m[3] == "*" {
			k.add(pos, "printf %*d")
		}
		if strings.Contains(m[0], "'") {
			k.add(pos, "printf %'d")
		}
		if strings.Contains(m[0], "-") {
			k.add(pos, "printf %-s")
		}
	}
	for _, m := range printfEscape.FindAllStringSubmatch(args[i], -1) {
		switch m[1] {
		case "u", "U":
			k.add(pos, `printf \u`)
		case "e":
			k.add(pos, `printf \e`)
		case "x":
			k.add(pos, `printf \x`)
		case "c":
			k.add(pos, `printf \c`)
		default:
			k.add(pos, `printf \0nnn`)
		}
	}
	nconv := len(printfConv.FindAllString(format, -1))
	if nconv > 0 && len(args)-i-1 > nconv {
		k.add(pos, "printf reuse")
	}
	if nconv > 0 && len(args)-i-1 == 0 {
		k.add(pos, "printf missing")
	}
	for j := i + 1; j < len(args); j++ {
		if strings.HasPrefix(args[j], "'") || strings.HasPrefix(args[j], `"`) {
			k.add(at(j), "printf %d 'c")
		}
	}
}

func (k *keyer) echo(args []string, at func(int) syntax.Pos) {
	flags := ""
	i := 0
	for ; i < len(args); i++ {
		s := args[i]
		if s == "--" {
			k.add(at(i), "echo --")
			break
		}
		if len(s) < 2 || s[0] != '-' || strings.Trim(s[1:], "neE") != "" {
			break
		}
		flags += s[1:]
		switch {
		case strings.Contains(s, "n") && strings.Contains(s, "e"):
			k.add(at(i), "echo -ne")
		case strings.Contains(s, "n"):
			k.add(at(i), "echo -n")
		}
	}
	for j := i; j < len(args); j++ {
		for _, m := range echoEsc.FindAllStringSubmatch(args[j], -1) {
			if !strings.Contains(flags, "e") {
				k.add(at(j), "echo escapes")
				continue
			}
			switch m[1] {
			case "e", "x", "c":
				k.add(at(j), `echo -e \`+m[1])
			case "u", "U":
				k.add(at(j), `echo -e \u`)
			default:
				if strings.HasPrefix(m[1], "0") {
					k.add(at(j), `echo -e \0nnn`)
				}
			}
		}
	}
}

func (k *keyer) trap(args []string, at func(int) syntax.Pos) {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-" {
		return
	}
	switch args[0] {
	case "-":
		k.add(at(0), "trap -")
	case "":
		k.add(at(0), "trap ''")
	}
	for i, s := range args[1:] {
		pos := at(i + 1)
		switch {
		case s == "ERR" || s == "DEBUG" || s == "RETURN" || s == "EXIT":
			k.add(pos, "trap "+s)
			if s == "EXIT" && k.depth > 0 {
				k.add(pos, "trap exit-in-function")
			}
		case s == "0":
			k.add(pos, "trap 0")
		case strings.HasPrefix(s, "SIG"):
			k.add(pos, "trap SIGNAME")
		case isNumber(s):
			k.add(pos, "trap number")
		case s != "" && strings.ToUpper(s) == s:
			k.add(pos, "trap NAME")
		}
	}
}

// testArgs names the operators of test and [ by their place: a unary
// operator before its operand, a binary one between two operands, -a and
// -o between two expressions.
func (k *keyer) testArgs(args []string, at func(int) syntax.Pos, bracket bool) {
	if bracket && len(args) > 0 && args[len(args)-1] == "]" {
		args = args[:len(args)-1]
	}
	isUnary := func(s string) bool {
		return len(s) == 2 && s[0] == '-' && strings.Contains("abcdefghkprstuwxGLNOSzvRno", s[1:])
	}
	isBinary := func(s string) bool {
		switch s {
		case "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef":
			return true
		}
		return false
	}
	for i, a := range args {
		args[i] = strings.TrimPrefix(a, `\`) // [ a \< b ]
	}
	for i := 0; i < len(args); {
		s := args[i]
		switch {
		case s == "!":
			k.add(at(i), "test !")
			i++
			continue
		case s == "(" || s == ")":
			i++
			continue
		case i+2 < len(args) && isBinary(args[i+1]):
			k.add(at(i+1), "test "+args[i+1])
			i += 3
		case isUnary(s) && i+1 < len(args):
			k.add(at(i), "test "+s)
			i += 2
		default:
			i++
		}
		if i < len(args) && (args[i] == "-a" || args[i] == "-o") {
			k.add(at(i), "test "+args[i])
			i++
		}
	}
}

// word names brace expansions, tildes and globs of a command's words.
func (k *keyer) word(w *syntax.Word, loopItem bool) {
	s := partial(w)
	lit := partialUnquoted(w)
	if strings.Contains(lit, "{") {
		for _, m := range braceAny.FindAllStringSubmatch(lit, -1) {
			switch {
			case m[1] != "":
				k.add(w.Pos(), "syntax {a,b}")
			case m[4] != "":
				k.add(w.Pos(), "syntax {1..9..2}")
			case len(m[2]) > 1 && m[2][0] == '0' || len(m[3]) > 1 && m[3][0] == '0':
				k.add(w.Pos(), "syntax {01..3}")
			case isNumber(strings.TrimPrefix(m[2], "-")):
				k.add(w.Pos(), "syntax {1..3}")
			default:
				k.add(w.Pos(), "syntax {a..c}")
			}
		}
	}
	if len(w.Parts) > 0 {
		if l, ok := w.Parts[0].(*syntax.Lit); ok && strings.HasPrefix(l.Value, "~") {
			rest := strings.TrimPrefix(l.Value, "~")
			switch {
			case rest == "" || rest[0] == '/':
				k.add(w.Pos(), "syntax ~")
			case rest[0] == '+':
				k.add(w.Pos(), "syntax ~+")
			case rest[0] == '-':
				k.add(w.Pos(), "syntax ~-")
			default:
				k.add(w.Pos(), "syntax ~user")
			}
		}
	}
	if strings.ContainsAny(lit, "*?[") {
		k.add(w.Pos(), "syntax glob")
		switch {
		case strings.Contains(lit, "[!"):
			k.add(w.Pos(), "syntax glob [!]")
		case strings.Contains(lit, "[^"):
			k.add(w.Pos(), "syntax glob [^]")
		}
		if strings.Contains(lit, "[[:") {
			k.add(w.Pos(), "syntax glob [[:class:]]")
		}
		if strings.Contains(lit, "**") {
			k.add(w.Pos(), "syntax **")
		}
	}
	for _, p := range w.Parts {
		if _, ok := p.(*syntax.ParamExp); ok && s != "" {
			k.add(p.Pos(), "syntax split")
			break
		}
	}
}

// hasBraces says whether a word holds a brace expansion in its unquoted
// text.
func hasBraces(w *syntax.Word) bool {
	return braceAny.MatchString(partialUnquoted(w))
}

var braceAny = regexp.MustCompile(`\{(?:([^{}\s]*,[^{}\s]*)|(-?[0-9]+|[A-Za-z])\.\.(-?[0-9]+|[A-Za-z])(\.\.-?[0-9]+)?)\}`)

// findPrimaries names the primaries of a find command line by what their
// values select (findKey); a command that -exec runs is not find's.
func (k *keyer) findPrimaries(args []string, at func(int) syntax.Pos) {
	for i := 0; i < len(args); i++ {
		s := args[i]
		switch {
		case s == "-exec" || s == "-execdir" || s == "-ok" || s == "-okdir":
			for i++; i < len(args) && args[i] != ";" && args[i] != "+"; i++ {
			}
		case findValued[s] != nil:
			if i+1 < len(args) {
				// a value known only at run time has no class, unless
				// its literal sign and unit give it one (+$days).
				v := args[i+1]
				if key := findKey(s, v); surface.byKey[key] != nil && (v == "" || !strings.HasPrefix(v, unknown)) {
					k.add(at(i), key)
				}
				i++
			}
		default:
			if key := findKey(s, ""); surface.byKey[key] != nil {
				k.add(at(i), key)
			}
		}
	}
}

// topLevelReached are the simple commands of a script's top level that
// run on every path through it: a statement of its own, or both arms of
// a && b || c (a return there ends the script under ash, whatever a
// said). A command inside an if, a loop or a && alone runs only on some
// paths: a return there is an early exit that a run may never take.
func topLevelReached(f *syntax.File) map[*syntax.CallExpr]bool {
	out := map[*syntax.CallExpr]bool{}
	for _, st := range f.Stmts {
		switch c := st.Cmd.(type) {
		case *syntax.CallExpr:
			out[c] = true
		case *syntax.BinaryCmd:
			if c.Op != syntax.OrStmt {
				continue
			}
			y, ok := c.Y.Cmd.(*syntax.CallExpr)
			x, ok2 := c.X.Cmd.(*syntax.BinaryCmd)
			if !ok || !ok2 || x.Op != syntax.AndStmt {
				continue
			}
			if xy, ok := x.Y.Cmd.(*syntax.CallExpr); ok {
				out[xy], out[y] = true, true
			}
		}
	}
	return out
}
