package ash

import (
	"regexp"
	"slices"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// visit judges one node of the tree; it returns true to go deeper.
func (a *analyzer) visit(n syntax.Node) bool {
	switch n := n.(type) {
	case *syntax.Assign:
		if n.Array != nil {
			a.add(n.Pos(), "bash-array", "")
		}
		if n.Index != nil {
			a.add(n.Pos(), "array-index", "")
		}
	case *syntax.ParamExp:
		a.paramExp(n)
	case *syntax.ProcSubst:
		a.add(n.Pos(), "process-substitution", "")
	case *syntax.ExtGlob:
		a.add(n.Pos(), "extglob", "")
	case *syntax.ArithmExp:
		if n.Bracket {
			a.add(n.Pos(), "old-arith", "")
		}
		a.arithm(n.X)
	case *syntax.ArithmCmd:
		a.add(n.Pos(), "arith-command", "")
		a.arithm(n.X)
	case *syntax.LetClause:
		a.add(n.Pos(), "let", "")
		for _, x := range n.Exprs {
			a.arithm(x)
		}
	case *syntax.ForClause:
		if n.Select {
			a.add(n.Pos(), "select", "")
		}
		switch loop := n.Loop.(type) {
		case *syntax.CStyleLoop:
			a.add(n.Pos(), "arith-for", "")
		case *syntax.WordIter:
			for _, w := range loop.Items {
				a.braces(w)
			}
		}
	case *syntax.TestClause:
		a.add(n.Pos(), "double-bracket", "")
		a.testExpr(n.X)
	case *syntax.SglQuoted:
		if n.Dollar {
			a.add(n.Pos(), "dollar-single-quote", "")
		}
	case *syntax.DblQuoted:
		if n.Dollar {
			a.add(n.Pos(), "locale-string", "")
		}
	case *syntax.CoprocClause:
		a.add(n.Pos(), "coproc", "")
	case *syntax.TimeClause:
		a.add(n.Pos(), "time", "")
	case *syntax.BinaryCmd:
		if n.Op == syntax.PipeAll {
			a.add(n.OpPos, "pipe-stderr", "")
		}
	case *syntax.Redirect:
		switch n.Op {
		case syntax.RdrAll:
			a.add(n.OpPos, "amp-redirect", "")
		case syntax.AppAll:
			a.add(n.OpPos, "amp-append", "")
		case syntax.WordHdoc:
			a.add(n.OpPos, "herestring", "")
		}
		if n.N != nil && strings.HasPrefix(n.N.Value, "{") {
			a.add(n.N.Pos(), "fd-variable", "")
		}
	case *syntax.CaseItem:
		if n.Op == syntax.Fallthrough || n.Op == syntax.Resume || n.Op == syntax.ResumeKorn {
			a.add(n.OpPos, "case-fallthrough", "")
		}
	case *syntax.FuncDecl:
		if n.RsrvWord {
			a.add(n.Pos(), "function-keyword", "")
		}
	case *syntax.DeclClause:
		a.decl(n)
		// Array assignments are judged here, with the declaration's flags.
		for _, as := range n.Args {
			if as.Index != nil {
				a.add(as.Pos(), "array-index", "")
			}
			for _, w := range []*syntax.Word{as.Value} {
				if w != nil {
					syntax.Walk(w, a.visit)
				}
			}
			if as.Array != nil {
				syntax.Walk(as.Array, a.visit)
			}
		}
		return false
	case *syntax.CallExpr:
		before := len(a.findings)
		a.call(n)
		if a.quiet[n] {
			// What the command prints differently is never seen.
			a.findings = append(a.findings[:before], slices.DeleteFunc(a.findings[before:], func(f Finding) bool {
				return outputRules[f.Rule] && f.Severity == SeverityWarning
			})...)
		}
	}
	return true
}

// outputRules are the rules about what a command prints.
var outputRules = map[string]bool{"type-t": true, "echo-escape": true, "echo-option": true, "printf-q": true, "printf-time": true}

func (a *analyzer) paramExp(p *syntax.ParamExp) {
	switch {
	case p.Excl && p.Names != 0:
		a.add(p.Pos(), "prefix-names", "")
	case p.Excl && p.Index == nil:
		a.add(p.Pos(), "indirect-expansion", "")
	}
	if p.Index != nil {
		a.add(p.Pos(), "array-index", "")
	}
	if p.Slice != nil {
		a.add(p.Pos(), "substring", "")
	}
	if p.Repl != nil {
		a.add(p.Pos(), "pattern-substitution", "")
	}
	if p.Exp != nil {
		switch p.Exp.Op {
		case syntax.UpperFirst, syntax.UpperAll, syntax.LowerFirst, syntax.LowerAll:
			a.add(p.Pos(), "case-modification", "")
		case syntax.OtherParamOps:
			a.add(p.Pos(), "param-transform", "")
		}
	}
	if p.Param == nil {
		return
	}
	switch name := p.Param.Value; name {
	case "BASH_REMATCH":
		a.add(p.Pos(), "bash-rematch", "")
	case "PIPESTATUS":
		a.add(p.Pos(), "pipestatus", "")
	case "RANDOM":
		a.add(p.Pos(), "random", "")
	case "SECONDS":
		a.add(p.Pos(), "seconds-variable", "")
	default:
		// A variable the script sets itself is the script's, not bash's;
		// one it only tests for being set is detected, not relied on.
		if bashOnly.variables[name] && !a.assigned[name] && !a.detects[p] && !sameByFallback(p) {
			a.add(p.Pos(), "bash-variable", "$"+name)
		}
	}
}

// arithm looks inside arithmetic for bash-only operators and numbers.
func (a *analyzer) arithm(x syntax.ArithmExpr) {
	if x == nil {
		return
	}
	syntax.Walk(x, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.BinaryArithm:
			if n.Op == syntax.Pow {
				a.add(n.OpPos, "arith-power", "")
			}
		case *syntax.UnaryArithm:
			if n.Op == syntax.Inc || n.Op == syntax.Dec {
				a.add(n.OpPos, "arith-increment", "")
			}
		case *syntax.Word:
			if baseNumber.MatchString(n.Lit()) {
				a.add(n.Pos(), "arith-base", "")
			}
			return false // words are visited by the main walk
		}
		return true
	})
}

var baseNumber = regexp.MustCompile(`^[0-9]+#[0-9A-Za-z@_]+$`)

func (a *analyzer) testExpr(x syntax.TestExpr) {
	syntax.Walk(x, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.ParenTest:
			a.add(n.Pos(), "bracket-group", "")
		case *syntax.BinaryTest:
			switch n.Op {
			case syntax.TsReMatch:
				a.add(n.OpPos, "regex-match", "")
				if w, ok := n.Y.(*syntax.Word); ok && unquotedParen(w) {
					a.add(w.Pos(), "regex-group", "")
				}
			case syntax.TsBefore, syntax.TsAfter:
				a.add(n.OpPos, "test-lt-string", "")
			case syntax.TsMatch, syntax.TsMatchShort, syntax.TsNoMatch:
				if w, ok := n.Y.(*syntax.Word); ok && quotedGlob(w) {
					a.add(w.Pos(), "bracket-quoted-pattern", "")
				}
			}
			if stringTest(n.Op) {
				a.unquotedOperand(n.X)
				if n.Op != syntax.TsReMatch {
					// [[ $v =~ $re ]]: an unquoted regex is the idiom, and
					// its probe ([[ =~ $re) behaves the same in ash.
					a.unquotedOperand(n.Y)
				}
			}
		case *syntax.UnaryTest:
			switch n.Op {
			case syntax.TsVarSet:
				a.add(n.OpPos, "test-v", "")
			case syntax.TsEmpStr, syntax.TsNempStr:
				a.unquotedOperand(n.X)
			}
		case *syntax.Word:
			return false
		}
		return true
	})
}

func stringTest(op syntax.BinTestOperator) bool {
	switch op {
	case syntax.TsMatch, syntax.TsMatchShort, syntax.TsNoMatch, syntax.TsReMatch, syntax.TsBefore, syntax.TsAfter:
		return true
	}
	return false
}

// unquotedOperand reports an operand of a string test that expands a
// parameter or a command outside quotes: ash splits it into words.
// $#, $?, $$ and $! cannot hold spaces and are left alone.
func (a *analyzer) unquotedOperand(x syntax.TestExpr) {
	w, ok := x.(*syntax.Word)
	if !ok {
		return
	}
	for _, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.ParamExp:
			if oneWord(p, a.words, a.args) {
				continue
			}
			a.add(p.Pos(), "bracket-split", "")
			return
		case *syntax.CmdSubst:
			if oneWordCommand(p) {
				continue
			}
			a.add(p.Pos(), "bracket-split", "")
			return
		}
	}
}

func unquotedParen(w *syntax.Word) bool {
	for _, p := range w.Parts {
		if l, ok := p.(*syntax.Lit); ok && strings.ContainsAny(l.Value, "()") {
			return true
		}
	}
	return false
}

func quotedGlob(w *syntax.Word) bool {
	for _, p := range w.Parts {
		var text string
		switch p := p.(type) {
		case *syntax.SglQuoted:
			text = p.Value
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				if l, ok := q.(*syntax.Lit); ok {
					text += l.Value
				}
			}
		}
		if strings.ContainsAny(text, "*?[") {
			return true
		}
	}
	return false
}

// decl judges declare, typeset, local, export, readonly and nameref.
func (a *analyzer) decl(d *syntax.DeclClause) {
	variant := d.Variant.Value
	flags := ""
	for _, as := range d.Args {
		if as.Naked && as.Name == nil && as.Value != nil {
			if v := as.Value.Lit(); strings.HasPrefix(v, "-") {
				flags += v[1:]
			}
		}
	}
	switch {
	case variant == "nameref", strings.Contains(flags, "n") && variant != "export":
		a.add(d.Pos(), "nameref", "")
	case strings.Contains(flags, "A"):
		a.add(d.Pos(), "declare-assoc", "")
	case variant == "declare" || variant == "typeset":
		a.add(d.Pos(), "declare", variant)
	case variant == "local":
		a.add(d.Pos(), "local", "")
	case variant == "export" && strings.Contains(flags, "f"):
		a.add(d.Pos(), "export-function", "")
	}
	for _, as := range d.Args {
		if as.Array != nil && !strings.Contains(flags, "A") {
			a.add(as.Pos(), "bash-array", "")
		}
	}
}

// braces reports brace expansions that ash leaves literal. The word is
// only read: unquoted literal parts are joined, other parts stand as a
// placeholder so that `{$a,b}` is still seen.
func (a *analyzer) braces(w *syntax.Word) {
	var b strings.Builder
	for _, p := range w.Parts {
		if l, ok := p.(*syntax.Lit); ok {
			b.WriteString(l.Value)
		} else {
			b.WriteByte(0)
		}
	}
	s := b.String()
	if !strings.Contains(s, "{") {
		return
	}
	switch {
	case braceRange.MatchString(s):
		a.add(w.Pos(), "brace-range", "")
	case braceList.MatchString(s):
		a.add(w.Pos(), "brace-list", "")
	}
}

var (
	braceRange = regexp.MustCompile(`\{(-?[0-9]+|[A-Za-z])\.\.(-?[0-9]+|[A-Za-z])(\.\.-?[0-9]+)?\}`)
	braceList  = regexp.MustCompile(`\{[^{}\s]*,[^{}\s]*\}`)
)
