package ash

import "mvdan.cc/sh/v3/syntax"

// ownCommands are the names a script defines as functions or aliases.
// Called by that bare name, such a command runs the script's own code
// (an alias under ash; bash without expand_aliases runs the command of
// that name, which the alias-use probes judge), so no rule that judges a
// command by its name applies to it: options, applet keys, situations,
// missing commands, bash's builtins. Every rule asks here.
type ownCommands struct {
	funcs map[string]bool
	// wrappers are the functions that run their arguments as a command
	// (sudo() { "$@"; }): a call of one is also a call of its arguments.
	wrappers map[string]bool
	aliases  map[string]bool
	// expandAliases: the script runs shopt -s expand_aliases, so bash
	// expands its aliases as ash does.
	expandAliases bool
}

func scriptOwnCommands(f *syntax.File) ownCommands {
	o := ownCommands{funcs: map[string]bool{}, wrappers: map[string]bool{}}
	o.aliases, o.expandAliases = scriptAliases(f)
	syntax.Walk(f, func(n syntax.Node) bool {
		if fd, ok := n.(*syntax.FuncDecl); ok && fd.Name != nil {
			o.funcs[fd.Name.Value] = true
			if runsArguments(fd.Body) {
				o.wrappers[fd.Name.Value] = true
			}
		}
		return true
	})
	return o
}

// has says whether a command word names the script's own command: a
// path (/bin/hostname) never does.
func (o ownCommands) has(name string) bool {
	return o.funcs[name] || o.aliases[name]
}

// runsArguments says whether a function body runs its arguments as a
// command: a simple command whose first word is "$@" or $* (after exec
// or command).
func runsArguments(body syntax.Node) bool {
	found := false
	syntax.Walk(body, func(n syntax.Node) bool {
		c, ok := n.(*syntax.CallExpr)
		if !ok || found {
			return !found
		}
		for _, w := range c.Args {
			if l := w.Lit(); l == "exec" || l == "command" {
				continue
			}
			found = allArgs(w)
			break
		}
		return !found
	})
	return found
}

// allArgs says whether a word is "$@", $@, "$*" or $*.
func allArgs(w *syntax.Word) bool {
	if len(w.Parts) != 1 {
		return false
	}
	var p syntax.WordPart = w.Parts[0]
	if dq, ok := p.(*syntax.DblQuoted); ok && len(dq.Parts) == 1 {
		p = dq.Parts[0]
	}
	pe, ok := p.(*syntax.ParamExp)
	return ok && pe.Short && pe.Param != nil && (pe.Param.Value == "@" || pe.Param.Value == "*")
}

// wrapped is the command line a call of a wrapper function runs.
func (o ownCommands) wrapped(c *syntax.CallExpr) (*syntax.CallExpr, bool) {
	if len(c.Args) < 2 || !o.wrappers[c.Args[0].Lit()] {
		return nil, false
	}
	return &syntax.CallExpr{Args: c.Args[1:]}, true
}
