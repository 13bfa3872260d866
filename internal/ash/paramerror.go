package ash

import (
	"strconv"

	"mvdan.cc/sh/v3/syntax"
)

// ${p?msg} and ${p:?msg} differ only when p is unset (or empty): both
// shells then print msg and abort the script, or the subshell, with a
// failure; ash's status is 2, bash's 1 (the probes of "param ${p?w}").
// Where the parameter is always set there is no difference, and where it
// is unset the script fails under both shells with its own message: a
// CI run fails either way. Only a script that reads the number itself
// (`$?` in the next command) sees what ash does differently.

// errorStatusSeen are the ${p?w} expansions whose failure a script can
// tell apart under ash: the parameter may be unset there, and the next
// command reads the status.
func errorStatusSeen(f *syntax.File) map[*syntax.ParamExp]bool {
	g := newGuards(f)
	// The statements whose status the script reads as a number: one
	// followed by a command that expands $?, the left of `x || echo $?`.
	var read []syntax.Node
	eachStmtList(f, func(stmts []*syntax.Stmt) {
		for i := 0; i+1 < len(stmts); i++ {
			if readsStatus(stmts[i+1]) {
				read = append(read, stmts[i])
			}
		}
	})
	syntax.Walk(f, func(n syntax.Node) bool {
		if b, ok := n.(*syntax.BinaryCmd); ok && (b.Op == syntax.AndStmt || b.Op == syntax.OrStmt) && readsStatus(b.Y) {
			read = append(read, b.X)
		}
		return true
	})
	within := func(n syntax.Node) bool {
		for _, r := range read {
			if r.Pos().Offset() <= n.Pos().Offset() && n.Pos().Offset() < r.End().Offset() {
				return true
			}
		}
		return false
	}
	seen := map[*syntax.ParamExp]bool{}
	syntax.Walk(f, func(n syntax.Node) bool {
		p, ok := n.(*syntax.ParamExp)
		if !ok || !isErrorExp(p) || g.alwaysSet(p) {
			return true
		}
		if within(p) {
			seen[p] = true
		}
		// A function aborts where it is called.
		if fn := g.enclosingFunc(p); fn != nil {
			for _, c := range g.calls[fn.Name.Value] {
				if within(c) {
					seen[p] = true
				}
			}
		}
		return true
	})
	return seen
}

func isErrorExp(p *syntax.ParamExp) bool {
	return p.Param != nil && p.Exp != nil && (p.Exp.Op == syntax.ErrorUnset || p.Exp.Op == syntax.ErrorUnsetOrNull)
}

// readsStatus: the statement expands $?.
func readsStatus(st *syntax.Stmt) bool {
	found := false
	syntax.Walk(st, func(n syntax.Node) bool {
		if p, ok := n.(*syntax.ParamExp); ok && p.Param != nil && p.Param.Value == "?" {
			found = true
		}
		return !found
	})
	return found
}

// eachStmtList calls fn with every list of statements of the script.
func eachStmtList(f *syntax.File, fn func([]*syntax.Stmt)) {
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.File:
			fn(n.Stmts)
		case *syntax.Block:
			fn(n.Stmts)
		case *syntax.Subshell:
			fn(n.Stmts)
		case *syntax.IfClause:
			fn(n.Cond)
			fn(n.Then)
		case *syntax.WhileClause:
			fn(n.Cond)
			fn(n.Do)
		case *syntax.ForClause:
			fn(n.Do)
		case *syntax.CaseItem:
			fn(n.Stmts)
		case *syntax.CmdSubst:
			fn(n.Stmts)
		}
		return true
	})
}

// guards is what a script does to make sure its parameters are set.
type guards struct {
	file  *syntax.File
	funcs map[string]*syntax.FuncDecl
	calls map[string][]*syntax.CallExpr
}

func newGuards(f *syntax.File) *guards {
	g := &guards{file: f, funcs: map[string]*syntax.FuncDecl{}, calls: map[string][]*syntax.CallExpr{}}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.FuncDecl:
			if n.Name != nil {
				g.funcs[n.Name.Value] = n
			}
		case *syntax.CallExpr:
			if len(n.Args) > 0 {
				if name := n.Args[0].Lit(); name != "" {
					g.calls[name] = append(g.calls[name], n)
				}
			}
		}
		return true
	})
	return g
}

// alwaysSet says whether the parameter of p is set (and, for ${p:?},
// not empty) wherever p is expanded: positional parameters given by
// `set --` before it or by every call of the function it is in, a
// variable assigned before it, or a test that makes the script stop
// or skip the expansion otherwise ([ $# -ge 1 ], [ -n "$1" ]).
func (g *guards) alwaysSet(p *syntax.ParamExp) bool {
	name := p.Param.Value
	at := p.Pos().Offset()
	if n, err := strconv.Atoi(name); err == nil && n > 0 {
		if fn := g.enclosingFunc(p); fn != nil {
			if g.callsGive(fn.Name.Value, n) {
				return true
			}
		} else if g.setBefore(at, n) {
			return true
		}
		return g.guarded(p, n, "")
	}
	if g.assignedBefore(name, at, p.Exp.Op == syntax.ErrorUnsetOrNull) {
		return true
	}
	return g.guarded(p, 0, name)
}

func (g *guards) enclosingFunc(p *syntax.ParamExp) *syntax.FuncDecl {
	at := p.Pos().Offset()
	var in *syntax.FuncDecl
	for _, fn := range g.funcs {
		if fn.Pos().Offset() <= at && at < fn.End().Offset() && (in == nil || fn.Pos().Offset() > in.Pos().Offset()) {
			in = fn
		}
	}
	return in
}

// callsGive: the function is called, always with at least n arguments
// the script can count.
func (g *guards) callsGive(fn string, n int) bool {
	calls := g.calls[fn]
	if len(calls) == 0 {
		return false
	}
	for _, c := range calls {
		if countArgs(c.Args[1:]) < n {
			return false
		}
	}
	return true
}

// countArgs is how many words a list of arguments is at least: "$@"
// and unquoted expansions may be none.
func countArgs(ws []*syntax.Word) int {
	count := 0
	for _, w := range ws {
		if s := partial(w); s == unknown && !quotedWord(w) {
			continue
		}
		if p := soleParam(w); p != nil && p.Param != nil && (p.Param.Value == "@" || p.Param.Value == "*") {
			continue
		}
		count++
	}
	return count
}

func quotedWord(w *syntax.Word) bool {
	for _, p := range w.Parts {
		if _, ok := p.(*syntax.DblQuoted); ok {
			return true
		}
	}
	return false
}

// setBefore: a `set -- a b` outside functions before offset gives at
// least n positional parameters.
func (g *guards) setBefore(at uint, n int) bool {
	ok := false
	for _, c := range g.calls["set"] {
		if c.Pos().Offset() >= at || len(c.Args) < 2 || c.Args[1].Lit() != "--" || g.inFunc(c.Pos().Offset()) {
			continue
		}
		ok = countArgs(c.Args[2:]) >= n // the last one before counts
	}
	return ok
}

func (g *guards) inFunc(at uint) bool {
	for _, fn := range g.funcs {
		if fn.Pos().Offset() <= at && at < fn.End().Offset() {
			return true
		}
	}
	return false
}

// assignedBefore: the variable is given a value before offset (non-empty
// where that matters).
func (g *guards) assignedBefore(name string, at uint, nonEmpty bool) bool {
	found := false
	syntax.Walk(g.file, func(n syntax.Node) bool {
		if as, ok := n.(*syntax.Assign); ok && as.Name != nil && as.Name.Value == name && as.Pos().Offset() < at {
			if !nonEmpty || as.Value != nil && partial(as.Value) != "" {
				found = true
			}
		}
		return !found
	})
	return found
}

// guarded: the expansion runs only where a test said the parameter is
// set: in the then-branch of such a test, or after a statement that
// stops the script (exit, return) when it is not.
func (g *guards) guarded(p *syntax.ParamExp, n int, name string) bool {
	at := p.Pos().Offset()
	found := false
	syntax.Walk(g.file, func(node syntax.Node) bool {
		switch node := node.(type) {
		case *syntax.IfClause:
			if len(node.Then) > 0 && node.Then[0].Pos().Offset() <= at && at < node.Then[len(node.Then)-1].End().Offset() &&
				testsSet(node.Cond, n, name) == 1 {
				found = true
			}
		}
		return !found
	})
	if found {
		return true
	}
	eachStmtList(g.file, func(stmts []*syntax.Stmt) {
		// Only the statements before the one that holds the expansion,
		// in its own list.
		k := -1
		for i, st := range stmts {
			if st.Pos().Offset() <= at && at < st.End().Offset() {
				k = i
			}
		}
		for _, st := range stmts[:max(k, 0)] {
			switch c := st.Cmd.(type) {
			case *syntax.BinaryCmd:
				// [ $# -lt 1 ] && exit; [ -n "$1" ] || exit
				if stops(c.Y) && (c.Op == syntax.AndStmt && testsSet([]*syntax.Stmt{c.X}, n, name) == -1 ||
					c.Op == syntax.OrStmt && testsSet([]*syntax.Stmt{c.X}, n, name) == 1) {
					found = true
				}
			case *syntax.IfClause:
				if testsSet(c.Cond, n, name) == -1 && stopsAll(c.Then) {
					found = true
				}
			}
		}
	})
	return found
}

// stops: the statement ends the script or function (exit, return, or a
// block or function call that ends with one; a usage function is called
// as the script's last word on the matter).
func stops(st *syntax.Stmt) bool {
	switch c := st.Cmd.(type) {
	case *syntax.CallExpr:
		if len(c.Args) > 0 {
			switch c.Args[0].Lit() {
			case "exit", "return", "usage", "die", "fail", "abort":
				return true
			}
		}
	case *syntax.Block:
		return stopsAll(c.Stmts)
	case *syntax.Subshell:
		return false
	}
	return false
}

func stopsAll(stmts []*syntax.Stmt) bool {
	return len(stmts) > 0 && stops(stmts[len(stmts)-1])
}

// testsSet reads a condition: 1 when it is true only if the parameter
// (positional n, or the variable name) is set, -1 when it is true if
// it is not, 0 when it says nothing of it.
func testsSet(cond []*syntax.Stmt, n int, name string) int {
	if len(cond) != 1 {
		return 0
	}
	c, ok := cond[0].Cmd.(*syntax.CallExpr)
	if !ok || len(c.Args) < 2 {
		return 0
	}
	args := make([]string, 0, len(c.Args)-1)
	for _, w := range c.Args[1:] {
		args = append(args, paramName(w))
	}
	if c.Args[0].Lit() == "[" && len(args) > 0 && args[len(args)-1] == "]" {
		args = args[:len(args)-1]
	} else if c.Args[0].Lit() != "test" && c.Args[0].Lit() != "[" {
		return 0
	}
	neg := 1
	if cond[0].Negated {
		neg = -1
	}
	if len(args) > 0 && args[0] == "!" {
		neg, args = -neg, args[1:]
	}
	target := name
	if n > 0 {
		target = strconv.Itoa(n)
	}
	switch {
	case len(args) == 2 && args[1] == "$"+target && (args[0] == "-n" || args[0] == "-z"):
		if args[0] == "-n" {
			return neg
		}
		return -neg
	case len(args) == 1 && args[0] == "$"+target:
		return neg
	case len(args) == 3 && args[0] == "$#" && n > 0:
		m, err := strconv.Atoi(args[2])
		if err != nil {
			return 0
		}
		switch args[1] {
		case "-ge", "-eq":
			if m >= n {
				return neg
			}
		case "-gt":
			if m+1 >= n {
				return neg
			}
		case "-ne":
			if m == 0 && n == 1 {
				return neg
			}
		case "-lt":
			if m >= n {
				return -neg
			}
		case "-le":
			if m+1 >= n {
				return -neg
			}
		}
	}
	return 0
}

// paramName is a word as a test sees it: "$1" for a parameter expanded
// alone (quoted or not), its literal text otherwise.
func paramName(w *syntax.Word) string {
	if p := soleParam(w); p != nil && p.Param != nil && p.Exp == nil && p.Index == nil && p.Slice == nil && p.Repl == nil && !p.Length {
		return "$" + p.Param.Value
	}
	return partial(w)
}
