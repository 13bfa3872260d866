package ash

import (
	"slices"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// Commands a base Alpine lacks. The command table (commands.go) says
// which commands Alpine has and which it lacks; here the analyzer finds
// the commands a script runs (directly, through a variable that only
// ever holds one literal value, or through a command that runs another:
// sudo, env, xargs, timeout, find -exec...) and reports:
//
//   - missing-command: a command Alpine lacks, run where nothing checked
//     for it first: "not found" aborts the command, an error;
//   - command-path: an absolute path Alpine does not have for a command
//     it has elsewhere (/bin/basename is /usr/bin/basename), an error;
//   - missing-command-check: a check for such a command (command -v,
//     which, type, hash, test -x), which finds nothing on Alpine, so the
//     script takes its other branch: a warning.
//
// A command the script defines (a function), creates (writes a file of
// that name, as scripts that install their own helpers do), or whose
// package it or the playbook installs (apk add, --with-packages) is
// there when it runs.

// invocation is a command a script runs, as written or as resolved.
type invocation struct {
	name string
	pos  syntax.Pos
}

// commandScope is what the script itself provides.
type commandScope struct {
	own      ownCommands     // functions and aliases it defines
	created  map[string]bool // command names it writes files of
	installs map[string]bool // packages it or the playbook installs (names, cmd:NAME)
	values   valueSets
	guarded  map[*syntax.CallExpr]bool // calls inside a check for their command
	// onlyGuarded are the assignments NAME=VALUE the script makes only
	// where a check found the command VALUE.
	onlyGuarded map[string]bool
}

func (a *analyzer) commandFindings(f *syntax.File, packages []string) {
	s := newCommandScope(f, packages)
	skip := s.missingBranches(f)
	syntax.Walk(f, func(n syntax.Node) bool {
		if skip[n] {
			return false
		}
		if tc, ok := n.(*syntax.TestClause); ok {
			for _, chk := range s.testChecks(tc.X) {
				a.checkFinding(chk, s)
			}
		}
		c, ok := n.(*syntax.CallExpr)
		if !ok {
			return true
		}
		for _, chk := range s.checks(c) {
			a.checkFinding(chk, s)
		}
		if s.guarded[c] {
			return true
		}
		for _, inv := range s.invoked(c) {
			a.invocationFinding(inv, s)
		}
		return true
	})
}

// Commands lists the commands the script src runs or checks for that the
// command rules judge: names the command table knows (a base Alpine has
// them, or lacks them), by name or by a path in /bin, /sbin, /usr/bin or
// /usr/sbin, sorted. A host can be asked about exactly these (`command
// -v`) and its answer given back as Options.Host. A script that does not
// parse has those of the statements before the error.
func Commands(path string, src []byte) []string {
	file, _ := parseScript(src, path)
	if file == nil {
		return nil
	}
	s := newCommandScope(file, nil)
	seen := map[string]bool{}
	add := func(invs []invocation) {
		for _, inv := range invs {
			b := base(inv.name)
			_, missing := commands.missing[b]
			_, present := commands.presentName[b]
			switch {
			case b == "bash" || s.own.has(b) || s.created[b] || !missing && !present:
			case !strings.Contains(inv.name, "/") || binDirs[pathDir(inv.name)]:
				seen[inv.name] = true
			}
		}
	}
	syntax.Walk(file, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.TestClause:
			add(s.testChecks(n.X))
		case *syntax.CallExpr:
			add(s.checks(n))
			add(s.invoked(n))
		}
		return true
	})
	out := make([]string, 0, len(seen))
	for name := range seen {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// newCommandScope reads what the script provides and which of its calls
// are guarded by a check for their command.
func newCommandScope(f *syntax.File, packages []string) *commandScope {
	s := &commandScope{own: scriptOwnCommands(f), created: map[string]bool{}, installs: map[string]bool{},
		values: scriptValues(f), guarded: map[*syntax.CallExpr]bool{}, onlyGuarded: map[string]bool{}}
	for _, p := range packages {
		s.installs[p] = true
	}
	scan := func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Redirect:
			switch n.Op {
			case syntax.RdrOut, syntax.AppOut, syntax.RdrClob, syntax.RdrAll, syntax.AppAll:
				if n.Word != nil {
					if p := partial(n.Word); !strings.HasSuffix(p, unknown) {
						s.created[base(p)] = true
					}
				}
			}
		case *syntax.CallExpr:
			s.scan(n)
		}
		return true
	}
	syntax.Walk(f, scan)
	// What the script's stand-ins write when they run is the script's too.
	for _, script := range s.own.scripts {
		syntax.Walk(script, scan)
	}
	s.markGuards(f)
	return s
}

// scan records what a command provides: the files cp, mv, ln and install
// create, the files chmod makes runnable, aliases, and apk add's packages.
func (s *commandScope) scan(c *syntax.CallExpr) {
	if len(c.Args) == 0 {
		return
	}
	args := make([]string, len(c.Args))
	for i, w := range c.Args {
		args[i] = partial(w)
	}
	switch base(args[0]) {
	case "cp", "mv", "ln", "install":
		if last := args[len(args)-1]; len(args) > 2 && !strings.HasSuffix(last, unknown) {
			s.created[base(strings.TrimSuffix(last, "/"))] = true
		}
	case "chmod":
		for _, p := range args[1:] {
			if !strings.HasPrefix(p, "-") && !strings.HasPrefix(p, "+") && !strings.HasSuffix(p, unknown) {
				s.created[base(p)] = true
			}
		}
	case "apk":
		adding := false
		for i := 1; i < len(args); i++ {
			switch p := args[i]; {
			case p == "add":
				adding = true
			case p == "--virtual" || p == "-t" || p == "--repository" || p == "-X" || p == "--root" || p == "-p":
				i++
			case adding && !strings.HasPrefix(p, "-") && !strings.Contains(p, unknown):
				name, _, _ := strings.Cut(p, "=")
				s.installs[name] = true
			}
		}
	}
}

// resolve is the text of a word when it has one value: literal, or a
// variable with one value ("$GREP", "${GREP}"). "" when only the run
// knows it or it has several.
func (s *commandScope) resolve(w *syntax.Word) string {
	if vals := s.hostValues(w); len(vals) == 1 {
		return vals[0]
	}
	return ""
}

// hostValues are the values a word can have on the host: those of
// s.values.of, less a value the script only assigns where a check found
// that command (`type gsha256sum && SHA256=gsha256sum`), which a host
// without it never assigns.
func (s *commandScope) hostValues(w *syntax.Word) []string {
	vals := s.values.of(w)
	if len(vals) < 2 {
		return vals
	}
	p := soleParam(w)
	if p == nil || p.Param == nil {
		return vals
	}
	var out []string
	for _, v := range vals {
		if !s.onlyGuarded[p.Param.Value+"="+v] {
			out = append(out, v)
		}
	}
	return out
}

// wrapperOptions are, for each command that runs another, its options
// that take a value; the command it runs is its first other operand
// (after a duration for timeout, a lock file for flock, a directory for
// chroot).
var wrapperOptions = map[string]map[string]bool{
	"env":     {"-u": true, "--unset": true, "-C": true, "--chdir": true, "-S": true, "--split-string": true},
	"nohup":   {},
	"setsid":  {},
	"exec":    {"-a": true},
	"command": {},
	"nice":    {"-n": true, "--adjustment": true},
	"ionice":  {"-c": true, "-n": true, "-p": true},
	"time":    {"-f": true, "-o": true},
	"sudo":    {"-u": true, "-g": true, "-C": true, "-h": true, "-p": true, "-U": true, "-r": true, "-t": true, "-T": true, "-D": true},
	"doas":    {"-u": true, "-C": true},
	"timeout": {"-s": true, "--signal": true, "-k": true, "--kill-after": true},
	"xargs":   {"-I": true, "-n": true, "-P": true, "-d": true, "-L": true, "-s": true, "-E": true, "-a": true, "--max-args": true, "--max-procs": true, "--delimiter": true, "--arg-file": true},
	"flock":   {"-w": true, "--timeout": true, "-E": true, "--conflict-exit-code": true},
	"stdbuf":  {"-i": true, "-o": true, "-e": true},
	"chroot":  {},
	"watch":   {"-n": true, "--interval": true},
	"nocache": {},
}

// invoked lists the commands a simple command runs.
func (s *commandScope) invoked(c *syntax.CallExpr) []invocation {
	words := make([]string, len(c.Args))
	for i, w := range c.Args {
		words[i] = s.resolve(w)
	}
	if len(c.Args) == 0 {
		return nil
	}
	vals := s.hostValues(c.Args[0])
	if len(vals) < 2 {
		return s.invokedFrom(c, words, 0)
	}
	// A command held in a variable with several values runs each of
	// them on some host: every one is judged. An empty one
	// (SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo) runs the next word.
	var out []invocation
	for _, v := range vals {
		w := slices.Clone(words)
		w[0] = v
		start := 0
		if v == "" {
			start = 1
		}
		out = append(out, s.invokedFrom(c, w, start)...)
	}
	return out
}

// invokedFrom lists the commands a simple command runs, its words
// resolved, from the word at start.
func (s *commandScope) invokedFrom(c *syntax.CallExpr, words []string, start int) []invocation {
	var out []invocation
	for i := start; i < len(words); {
		name := words[i]
		if name == "" {
			break
		}
		out = append(out, invocation{name, c.Args[i].Pos()})
		b := base(name)
		if b == "find" {
			for j := i + 1; j+1 < len(words); j++ {
				switch words[j] {
				case "-exec", "-execdir", "-ok", "-okdir":
					if words[j+1] != "" {
						out = append(out, invocation{words[j+1], c.Args[j+1].Pos()})
					}
				}
			}
			break
		}
		if s.own.has(b) && !s.own.wrappers[b] {
			break // the script's own command, which runs nothing of its arguments
		}
		j := wrappedAt(b, words, i)
		if s.own.wrappers[name] {
			j = i + 1 // run() { "$@"; }
		}
		if j < 0 || j >= len(words) {
			break
		}
		i = j
	}
	return out
}

// wrappedAt is the index of the word that starts the command line the
// command words[i] (base name b) runs, or -1: sudo -u x cmd, env A=1 cmd,
// timeout 5 cmd, xargs -0 cmd. command -v and flock -c run nothing.
func wrappedAt(b string, words []string, i int) int {
	opts, ok := wrapperOptions[b]
	if !ok {
		return -1
	}
	operands := 0
	switch b {
	case "timeout", "flock", "chroot":
		operands = 1 // the duration, the lock, the new root
	}
	j := i + 1
	for ; j < len(words); j++ {
		w := words[j]
		switch {
		case w == "--":
			continue
		case b == "command" && (w == "-v" || w == "-V"):
			return -1 // a check, not a run (see checks)
		case b == "flock" && (w == "-c" || w == "--command"):
			return -1
		case b == "env" && strings.Contains(w, "=") && !strings.HasPrefix(w, "-"):
			continue
		case strings.HasPrefix(w, "-") && len(w) > 1:
			name, _, hasValue := strings.Cut(w, "=")
			if opts[name] && !hasValue {
				j++
			}
			continue
		case operands > 0:
			operands--
			continue
		}
		break
	}
	if j >= len(words) || words[j] == "" {
		return -1
	}
	return j
}

// checks lists what a command checks the presence of: the commands that
// command -v, which, type and hash look up, and the paths test -x (-e,
// -f) looks at.
func (s *commandScope) checks(c *syntax.CallExpr) []invocation {
	if len(c.Args) < 2 {
		return nil
	}
	name := s.resolve(c.Args[0])
	var out []invocation
	lookup := false
	switch base(name) {
	case "command":
		for _, w := range c.Args[1:] {
			if l := w.Lit(); l == "-v" || l == "-V" {
				lookup = true
			}
		}
	case "which", "type", "hash":
		lookup = true
	case "test", "[":
		for i := 1; i+1 < len(c.Args); i++ {
			switch c.Args[i].Lit() {
			case "-x", "-e", "-f", "-s", "-L", "-h":
				if p := s.resolve(c.Args[i+1]); strings.HasPrefix(p, "/") {
					out = append(out, invocation{p, c.Args[i+1].Pos()})
				}
			}
		}
		return out
	}
	if !lookup {
		return nil
	}
	for _, w := range c.Args[1:] {
		for _, n := range s.hostValues(w) {
			if n != "" && !strings.HasPrefix(n, "-") {
				out = append(out, invocation{n, w.Pos()})
			}
		}
	}
	return out
}

// testChecks are the paths a [[ ]] test looks at with -x, -e, -f.
func (s *commandScope) testChecks(x syntax.TestExpr) []invocation {
	var out []invocation
	syntax.Walk(x, func(n syntax.Node) bool {
		if u, ok := n.(*syntax.UnaryTest); ok {
			switch u.Op {
			case syntax.TsExec, syntax.TsExists, syntax.TsRegFile, syntax.TsNempStr:
				if w, ok := u.X.(*syntax.Word); ok {
					if p := s.resolve(w); strings.HasPrefix(p, "/") {
						out = append(out, invocation{p, w.Pos()})
					}
				}
			}
		}
		return true
	})
	return out
}

// markGuards finds the calls that run only when a check found their
// command: the then-branch of `if command -v x` (or `[ -x /usr/bin/x ]`),
// the right side of `command -v x && x ...`.
func (s *commandScope) markGuards(f *syntax.File) {
	checked := func(stmts []*syntax.Stmt) map[string]bool {
		names := map[string]bool{}
		for _, st := range stmts {
			if st.Negated {
				continue
			}
			syntax.Walk(st, func(n syntax.Node) bool {
				switch n := n.(type) {
				case *syntax.CallExpr:
					for _, inv := range s.checks(n) {
						names[inv.name] = true
						names[base(inv.name)] = true
					}
				case *syntax.TestClause:
					for _, inv := range s.testChecks(n.X) {
						names[inv.name] = true
						names[base(inv.name)] = true
					}
				case *syntax.BinaryCmd:
					if n.Op == syntax.OrStmt {
						return false // either side may have failed
					}
				}
				return true
			})
		}
		return names
	}
	assigned, guardedAssign := map[string]int{}, map[string]int{}
	syntax.Walk(f, func(n syntax.Node) bool {
		if as, ok := n.(*syntax.Assign); ok && as.Name != nil && as.Value != nil {
			if v, ok := literal(as.Value); ok {
				assigned[as.Name.Value+"="+v]++
			}
		}
		return true
	})
	mark := func(node syntax.Node, names map[string]bool) {
		if len(names) == 0 || node == nil {
			return
		}
		syntax.Walk(node, func(n syntax.Node) bool {
			if as, ok := n.(*syntax.Assign); ok && as.Name != nil && as.Value != nil {
				if v, ok := literal(as.Value); ok && (names[v] || names[base(v)]) {
					guardedAssign[as.Name.Value+"="+v]++
				}
			}
			if c, ok := n.(*syntax.CallExpr); ok {
				for _, inv := range s.invoked(c) {
					if names[inv.name] || names[base(inv.name)] {
						s.guarded[c] = true
					}
				}
			}
			return true
		})
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.IfClause:
			names := checked(n.Cond)
			for _, st := range n.Then {
				mark(st, names)
			}
		case *syntax.BinaryCmd:
			if n.Op == syntax.AndStmt {
				mark(n.Y, checked([]*syntax.Stmt{n.X}))
			}
		}
		return true
	})
	for nv, count := range guardedAssign {
		if count >= assigned[nv] {
			s.onlyGuarded[nv] = true
		}
	}
}

// missingBranches are the branches a script takes only where a check
// finds a command missing (the then-branch of `if ! command -v x`, the
// right of `command -v x ||`) when the script or the playbook provides
// that command: they do not run, and the commands in them are not judged
// (a stand-in written to bin/exiftool makes `tput`, run where exiftool
// is missing, unreached).
func (s *commandScope) missingBranches(f *syntax.File) map[syntax.Node]bool {
	out := map[syntax.Node]bool{}
	providedCheck := func(st *syntax.Stmt) bool {
		var names []string
		syntax.Walk(st, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.CallExpr:
				for _, inv := range s.checks(n) {
					names = append(names, base(inv.name))
				}
			case *syntax.TestClause:
				for _, inv := range s.testChecks(n.X) {
					names = append(names, base(inv.name))
				}
			}
			return true
		})
		for _, name := range names {
			if !s.provided(name) {
				return false
			}
		}
		return len(names) > 0
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.IfClause:
			if len(n.Cond) == 1 && n.Cond[0].Negated && providedCheck(n.Cond[0]) {
				for _, st := range n.Then {
					out[st] = true
				}
			}
		case *syntax.BinaryCmd:
			if n.Op == syntax.OrStmt && !n.X.Negated && providedCheck(n.X) {
				out[n.Y] = true
			}
		}
		return true
	})
	return out
}

// provided says whether the script or the playbook makes name available.
func (s *commandScope) provided(name string) bool {
	if s.own.has(name) || s.created[name] || s.installs["cmd:"+name] {
		return true
	}
	if m, ok := commands.missing[name]; ok {
		return m.providedBy(name, s.installs)
	}
	return false
}

// addCommand adds a finding of the command rules with its own message
// and suggestion.
func (a *analyzer) addCommand(pos syntax.Pos, id, msg, suggestion string) {
	a.findings = append(a.findings, Finding{
		Path: a.path, Line: int(pos.Line()), Col: int(pos.Col()),
		Rule: id, Severity: severityOf(id), Message: msg, Suggestion: suggestion,
	})
}

// invocationFinding reports running a command Alpine lacks, or a path it
// does not have.
func (a *analyzer) invocationFinding(inv invocation, s *commandScope) {
	name := inv.name
	b := base(name)
	if b == "bash" || s.provided(b) {
		return // running bash is runs-bash's
	}
	if has, asked := a.host[name]; asked {
		if !has {
			a.hostLacks(inv, "missing-command", "it is \"not found\" and does not run")
		}
		return
	}
	if strings.Contains(name, "/") {
		if !binDirs[pathDir(name)] || commands.presentPath[name] {
			return
		}
		if p, ok := commands.presentName[b]; ok {
			a.addCommand(inv.pos, "command-path", "`"+name+"` is not on Alpine, which has "+b+" at "+p+": the path is \"not found\"",
				"call `"+b+"` by name (PATH finds it), or use "+p)
			return
		}
	}
	if m, ok := commands.missing[b]; ok {
		a.addCommand(inv.pos, "missing-command", "`"+name+"` is not on a base Alpine: it is \"not found\" and does not run; "+m.install(b),
			m.suggestion(b))
	}
}

// checkFinding reports a check for a command Alpine lacks: it finds
// nothing there.
func (a *analyzer) checkFinding(inv invocation, s *commandScope) {
	name := inv.name
	b := base(name)
	if s.provided(b) {
		return
	}
	if has, asked := a.host[name]; asked {
		if !has {
			a.hostLacks(inv, "missing-command-check", "the check finds nothing and the script takes its other branch")
		}
		return
	}
	if strings.Contains(name, "/") {
		if !binDirs[pathDir(name)] || commands.presentPath[name] {
			return
		}
		if p, ok := commands.presentName[b]; ok {
			a.addCommand(inv.pos, "missing-command-check", "`"+name+"` does not exist on Alpine, which has "+b+" at "+p+": the check fails and the script takes its other branch",
				"check for `"+b+"` with `command -v "+b+"`, or use "+p)
			return
		}
	}
	if m, ok := commands.missing[b]; ok {
		a.addCommand(inv.pos, "missing-command-check", "`"+b+"` is not on a base Alpine: the check finds nothing and the script takes its other branch; "+m.install(b),
			m.suggestion(b))
	}
}

// hostLacks reports a command the host said it lacks (Options.Host): the
// host's answer is the truth there, whatever a base Alpine has. A path
// the host lacks for a command Alpine keeps elsewhere is command-path's.
func (a *analyzer) hostLacks(inv invocation, id, consequence string) {
	name, b := inv.name, base(inv.name)
	if p, ok := commands.presentName[b]; ok && strings.Contains(name, "/") && p != name && !commands.presentPath[name] {
		pathID := "command-path"
		if id != "missing-command" {
			pathID = id
		}
		a.addCommand(inv.pos, pathID, "`"+name+"` is not on this host, and Alpine has "+b+" at "+p+": "+consequence,
			"call `"+b+"` by name (PATH finds it), or use "+p)
		return
	}
	msg := "`" + name + "` is not on this host: " + consequence
	suggestion := "install it before the script runs (`apk add cmd:" + b + "`), or list its package in packages"
	if m, ok := commands.missing[b]; ok {
		msg += "; " + m.install(b)
		suggestion = m.suggestion(b)
	} else if p, ok := commands.presentName[b]; ok {
		msg += " (a base Alpine has it at " + p + "; `apk add cmd:" + b + "` puts it back)"
	}
	a.addCommand(inv.pos, id, msg, suggestion)
}
