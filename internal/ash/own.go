package ash

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

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
	// standIns are the executables the script writes, with text it
	// shows, where its PATH finds them (printf '#!/bin/sh\n...' >
	// bin/sudo; PATH="$PWD/bin:$PATH"): its own commands, or wrappers
	// when they run their arguments. scripts are their texts, parsed.
	standIns map[string]bool
	scripts  []*syntax.File
	// expandAliases: the script runs shopt -s expand_aliases, so bash
	// expands its aliases as ash does.
	expandAliases bool
}

func scriptOwnCommands(f *syntax.File) ownCommands {
	o := ownCommands{funcs: map[string]bool{}, wrappers: map[string]bool{}, standIns: map[string]bool{}}
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
	for name, script := range writtenCommands(f) {
		o.scripts = append(o.scripts, script)
		if runsArguments(script) {
			o.wrappers[name] = true
		} else {
			o.standIns[name] = true
		}
	}
	return o
}

// has says whether a command word names the script's own command: a
// path (/bin/hostname) never does.
func (o ownCommands) has(name string) bool {
	return o.funcs[name] || o.aliases[name] || o.standIns[name]
}

// hostBinDirs are the directories of a host's PATH.
var hostBinDirs = map[string]bool{"/usr/local/sbin": true, "/usr/local/bin": true, "/usr/sbin": true,
	"/usr/bin": true, "/sbin": true, "/bin": true}

// writtenCommands are the executables a script writes whose text it
// shows (printf 'TEXT' > path, echo TEXT > path, cat > path <<'EOF'),
// into a directory its PATH holds (an assignment of PATH naming the
// directory, or a bin directory of the host's), by name, parsed.
func writtenCommands(f *syntax.File) map[string]*syntax.File {
	var pathDirs []string
	syntax.Walk(f, func(n syntax.Node) bool {
		if as, ok := n.(*syntax.Assign); ok && as.Name != nil && as.Name.Value == "PATH" && as.Value != nil {
			pathDirs = append(pathDirs, strings.Split(partial(as.Value), ":")...)
		}
		return true
	})
	onPath := func(dir string) bool {
		if hostBinDirs[dir] {
			return true
		}
		for _, d := range pathDirs {
			d = strings.TrimSuffix(d, "/")
			if dir != "" && !strings.Contains(dir, unknown) && (d == dir || strings.HasSuffix(d, "/"+strings.TrimPrefix(dir, "./"))) {
				return true
			}
		}
		return false
	}
	out := map[string]*syntax.File{}
	syntax.Walk(f, func(n syntax.Node) bool {
		st, ok := n.(*syntax.Stmt)
		if !ok {
			return true
		}
		c, ok := st.Cmd.(*syntax.CallExpr)
		if !ok || len(c.Args) == 0 {
			return true
		}
		var path, text string
		shown := false
		for _, r := range st.Redirs {
			switch r.Op {
			case syntax.RdrOut, syntax.RdrClob:
				if r.Word != nil {
					path = partial(r.Word)
				}
			case syntax.Hdoc, syntax.DashHdoc:
				if r.Hdoc != nil {
					text, shown = literal(r.Hdoc)
				}
			}
		}
		i := strings.LastIndexByte(path, '/')
		if i < 0 || !onPath(path[:i]) {
			return true
		}
		args := make([]string, len(c.Args))
		for j, w := range c.Args {
			var lit bool
			if args[j], lit = literal(w); !lit {
				return true
			}
		}
		switch {
		case args[0] == "cat" && len(args) == 1 && shown:
		case args[0] == "printf" && len(args) == 2:
			text, shown = printfText(args[1]), true
		case args[0] == "printf" && len(args) > 2 && args[1] == `%s\n`:
			text, shown = strings.Join(args[2:], "\n")+"\n", true
		case args[0] == "echo" && len(args) > 1 && !strings.HasPrefix(args[1], "-"):
			text, shown = strings.Join(args[1:], " ")+"\n", true
		default:
			return true
		}
		if !shown {
			return true
		}
		script, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(text), "")
		if err == nil {
			out[path[i+1:]] = script
		}
		return true
	})
	return out
}

// printfText is what printf prints of a format without conversions.
func printfText(format string) string {
	return strings.NewReplacer(`\n`, "\n", `\t`, "\t", `\\`, `\`, "%%", "%").Replace(format)
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

// wrapped is the command line that a call of a command that runs
// another runs: a wrapper function's arguments, or what follows sudo,
// doas, env, nice, nohup, timeout, xargs, exec, command... and their
// options (sudo -u www cmd). A function of the script's own of such a
// name that does not run its arguments runs nothing of them.
//
// name is the command the first word runs (one of a variable's values);
// an empty one ($SUDO with SUDO=) runs the next word.
func (o ownCommands) wrapped(name string, c *syntax.CallExpr) (*syntax.CallExpr, bool) {
	if len(c.Args) < 2 {
		return nil, false
	}
	if o.wrappers[name] || name == "" {
		return &syntax.CallExpr{Args: c.Args[1:]}, true
	}
	if o.has(name) {
		return nil, false
	}
	words := make([]string, len(c.Args))
	for i, w := range c.Args {
		if l, ok := literal(w); ok {
			words[i] = l
		}
	}
	j := wrappedAt(base(name), words, 0)
	if j < 0 {
		return nil, false
	}
	return &syntax.CallExpr{Args: c.Args[j:]}, true
}

// findExecCalls are the command lines a find runs with -exec, -execdir,
// -ok and -okdir, up to their ";" or "+".
func findExecCalls(c *syntax.CallExpr) []*syntax.CallExpr {
	var out []*syntax.CallExpr
	for i := 1; i < len(c.Args); i++ {
		switch c.Args[i].Lit() {
		case "-exec", "-execdir", "-ok", "-okdir":
			start := i + 1
			for i = start; i < len(c.Args); i++ {
				if l, _ := literal(c.Args[i]); l == ";" || l == `\;` || l == "+" {
					break
				}
			}
			if i > start {
				out = append(out, &syntax.CallExpr{Args: c.Args[start:i]})
			}
		}
	}
	return out
}
