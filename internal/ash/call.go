package ash

import (
	"regexp"
	"slices"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// unknown stands for text that is only known at run time.
const unknown = "\x00"

// literal is the value of a word made only of literal and quoted text;
// ok is false when the word expands something at run time.
func literal(w *syntax.Word) (string, bool) {
	s := partial(w)
	return s, !strings.Contains(s, unknown)
}

// partial is the text of a word with each expansion replaced by unknown,
// so that "$n days ago" still reads as words and "-n$x" as an option.
func partial(w *syntax.Word) string {
	var b strings.Builder
	for _, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			b.WriteString(p.Value)
		case *syntax.SglQuoted:
			if p.Dollar {
				b.WriteString(unknown)
				continue
			}
			b.WriteString(p.Value)
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				if l, ok := q.(*syntax.Lit); ok {
					b.WriteString(l.Value)
				} else {
					b.WriteString(unknown)
				}
			}
		default:
			b.WriteString(unknown)
		}
	}
	return b.String()
}

// runsCommand lists applets whose operands are another command line: their
// options end at the first operand.
var runsCommand = map[string]bool{
	"xargs": true, "timeout": true, "env": true, "nice": true, "nohup": true, "chroot": true,
	"flock": true, "watch": true, "setsid": true, "su": true,
}

func (a *analyzer) call(c *syntax.CallExpr) {
	if len(c.Args) == 0 {
		return
	}
	for _, w := range c.Args {
		a.braces(w)
	}
	a.judgeCall(c)
}

// judgeCall judges a command line as each command it runs.
func (a *analyzer) judgeCall(c *syntax.CallExpr) {
	// A command held in a variable is each of the commands it can be
	// ($SHA256 -c is sha256sum -c where SHA256 may be sha256sum).
	for _, name := range a.values.of(c.Args[0]) {
		if w, ok := a.own.wrapped(name, c); ok {
			a.judgeCall(w)
		}
		if name == "" || a.own.has(name) {
			continue // the script's own command: no rule of a command's name applies
		}
		a.callAs(base(name), c)
	}
}

// callAs judges a simple command as the command name.
func (a *analyzer) callAs(name string, c *syntax.CallExpr) {
	args := make([]string, len(c.Args)-1)
	for i, w := range c.Args[1:] {
		args[i] = partial(w)
	}
	at := func(i int) syntax.Pos { return c.Args[i+1].Pos() }
	a.runsBash(name, args, c.Pos(), at)
	switch name {
	case "mapfile", "readarray":
		a.add(c.Pos(), "mapfile", name)
	case "shopt":
		a.add(c.Pos(), "shopt", "")
	case "source":
		a.add(c.Pos(), "source", "")
	case "read":
		a.read(args, at)
	case "printf":
		a.printf(args, at)
	case "echo":
		a.echo(args, at)
	case "trap":
		for i, s := range args {
			switch s {
			case "ERR":
				a.add(at(i), "trap-err", "")
			case "DEBUG", "RETURN":
				a.add(at(i), "trap-debug", "")
			}
		}
	case "set":
		a.set(args, at)
	case "type":
		// The rule's probe shows -t; the other options have their own
		// probes in the surface table.
		for i, s := range args {
			if s == "-t" {
				a.add(at(i), "type-t", "type "+s)
			}
		}
	case "wait":
		if len(args) > 0 && args[0] == "-n" {
			a.add(at(0), "wait-n", "")
		}
	case "test", "[":
		for i, s := range args {
			switch s {
			case "==":
				a.add(at(i), "test-double-equal", "")
			case "-v":
				if i == 0 || args[i-1] == "!" || args[i-1] == "-a" || args[i-1] == "-o" {
					a.add(at(i), "test-v", "")
				}
			}
		}
	case "date":
		a.date(args, at, c.Args[1:])
	case "find":
		a.find(args, at)
	case "gzip":
		a.gzip(c, args, at)
	case "timeout":
		// The status differs only when time runs out, and then the
		// command failed in both shells: it matters to a script that
		// reads the status itself, or tells GNU timeout's 124 from
		// other failures.
		if a.statusCompared || a.statusRead[c] {
			a.add(c.Pos(), "timeout-status", "")
		}
		a.options(name, args, at)
	default:
		if bashOnly.builtins[name] {
			a.add(c.Pos(), "bash-builtin", name)
			return
		}
		a.options(name, args, at)
	}
}

func (a *analyzer) read(args []string, at func(int) syntax.Pos) {
	for i := 0; i < len(args); i++ {
		s := args[i]
		if s == "--" || !strings.HasPrefix(s, "-") || len(s) < 2 {
			return
		}
		for j := 1; j < len(s); j++ {
			c := s[j]
			if c == 'a' {
				a.add(at(i), "read-array", "")
				break
			}
			if strings.IndexByte(bashOnly.readFlags, c) >= 0 {
				a.add(at(i), "read-option", "read -"+string(c))
				break
			}
			if strings.IndexByte("dinNptu", c) >= 0 { // these take a value in bash
				if j == len(s)-1 {
					i++
				}
				break
			}
		}
	}
}

var timeFormat = regexp.MustCompile(`%\([^)]*\)T`)

func (a *analyzer) printf(args []string, at func(int) syntax.Pos) {
	i := 0
	if len(args) > 0 && args[0] == "-v" {
		a.add(at(0), "printf-v", "")
		i = 2
	}
	if i < len(args) && args[i] == "--" {
		i++
	}
	if i >= len(args) {
		return
	}
	format := args[i]
	if strings.Contains(strings.ReplaceAll(format, "%%", ""), "%q") {
		a.add(at(i), "printf-q", "")
	}
	if timeFormat.MatchString(format) {
		a.add(at(i), "printf-time", "")
	}
}

var echoEscape = regexp.MustCompile(`\\[abcefnrtv0\\]`)

func (a *analyzer) echo(args []string, at func(int) syntax.Pos) {
	i := 0
	for ; i < len(args); i++ {
		s := args[i]
		if len(s) < 2 || s[0] != '-' || strings.Trim(s[1:], "neE") != "" {
			break
		}
		if strings.ContainsAny(s, "eE") {
			a.add(at(i), "echo-option", "echo "+s)
		}
	}
	if strings.ContainsAny(strings.Join(args[:i], ""), "eE") {
		return // escapes asked for, and BusyBox echo has -e
	}
	for ; i < len(args); i++ {
		if echoEscape.MatchString(args[i]) {
			a.add(at(i), "echo-escape", "")
			return
		}
	}
}

func (a *analyzer) set(args []string, at func(int) syntax.Pos) {
	for i, s := range args {
		switch {
		case s == "--":
			return
		case len(s) > 1 && (s[0] == '-' || s[0] == '+') && s[len(s)-1] == 'o':
			// -o name, or a cluster ending in o: set -euo pipefail
			if k := strings.IndexAny(s[1:len(s)-1], bashOnly.setFlags); k >= 0 && bashOnly.setFlags != "" {
				a.add(at(i), "set-option", "set "+string(s[0])+string(s[1+k]))
			}
			if i+1 < len(args) {
				switch name := args[i+1]; {
				case name == "pipefail":
					a.add(at(i), "pipefail", "")
				case bashOnly.setOptions[name]:
					a.add(at(i), "set-option", "set -o "+name)
				}
			}
		case len(s) > 1 && (s[0] == '-' || s[0] == '+'):
			if k := strings.IndexAny(s[1:], bashOnly.setFlags); k >= 0 && bashOnly.setFlags != "" {
				a.add(at(i), "set-option", "set "+string(s[0])+string(s[1+k]))
			}
		}
	}
}

// absoluteTime is what BusyBox date -d reads: @seconds, dates and times
// in digits with - . : / and T or a space.
var absoluteTime = regexp.MustCompile(`^(@-?[0-9]+|[0-9][0-9 .:/T+-]*(UTC|Z)?)$`)

func (a *analyzer) date(args []string, at func(int) syntax.Pos, words []*syntax.Word) {
	for i := 0; i < len(args); i++ {
		s := args[i]
		var value, option string
		switch {
		case s == "-d" || s == "--date":
			if i+1 >= len(args) {
				return
			}
			i++
			value = args[i]
		case strings.HasPrefix(s, "--date="):
			value, option = strings.TrimPrefix(s, "--date="), "--date="
		case strings.HasPrefix(s, "-d") && len(s) > 2:
			value, option = s[2:], "-d"
		default:
			if strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "+") {
				if bad := applets["date"].unknownOptions([]string{s}); len(bad) > 0 {
					a.add(at(i), "gnu-option", "date "+s)
				}
			}
			continue
		}
		// A variable is each of its values; otherwise the literal parts
		// decide: "$n days ago" is relative, "@$t" is not, and a value
		// known only at run time is not judged.
		values := []string{value}
		if strings.Contains(value, unknown) {
			if vals := a.values.of(words[i]); vals != nil {
				values = nil
				for _, v := range vals {
					values = append(values, strings.TrimPrefix(v, option))
				}
			}
		}
		for _, value := range values {
			if !strings.Contains(value, unknown) && !absoluteTime.MatchString(value) || strings.Contains(value, unknown) && hasWord(value) {
				a.add(at(i), "date-relative", "date -d '"+strings.ReplaceAll(value, "\x00", "$…")+"'")
				break
			}
		}
	}
}

var word = regexp.MustCompile(`[A-Za-z]{2,}`)

func hasWord(s string) bool { return word.MatchString(s) }

// find's arguments are paths, then primaries; -exec runs a command up to
// ";" or "+", whose options are not find's.
func (a *analyzer) find(args []string, at func(int) syntax.Pos) {
	spec := applets["find"]
	if spec == nil {
		return
	}
	for i := 0; i < len(args); i++ {
		s := args[i]
		switch {
		case s == "-exec" || s == "-execdir" || s == "-ok" || s == "-okdir":
			if _, ok := spec.words[s]; !ok {
				a.add(at(i), "gnu-option", "find "+s)
			}
			start := i + 1
			for i++; i < len(args) && args[i] != ";" && args[i] != "+"; i++ {
			}
			a.execArgs(args[start:i], func(j int) syntax.Pos { return at(start + j) })
		case s == "-printf" || s == "-fprintf":
			a.add(at(i), "find-printf", "find "+s)
			i++
		case len(s) > 1 && s[0] == '-' && s != "-" && !isNumber(s[1:]):
			kind, ok := spec.words[s]
			if !ok && len(s) == 2 {
				kind, ok = spec.short[s[1]]
			}
			if !ok && (s == "-a" || s == "-o") {
				continue
			}
			if !ok {
				a.add(at(i), "gnu-option", "find "+s)
				continue
			}
			if kind == argNext {
				i++
			}
		}
	}
}

// options checks an external command's options against the help of the
// BusyBox applet that provides it on Alpine.
func (a *analyzer) options(name string, args []string, at func(int) syntax.Pos) {
	spec := applets[name]
	if spec == nil {
		return
	}
	if runsCommand[name] {
		for i, s := range args {
			if !strings.HasPrefix(s, "-") {
				args = args[:i]
				break
			}
		}
	}
	for _, i := range spec.unknownOptions(args) {
		if !acceptedByProbe(name, args[i]) {
			a.add(at(i), "gnu-option", name+" "+args[i])
		}
	}
}

// acceptedByProbe says whether the surface probes ran every option of
// an argument (-ef: -e and -f) on the applet without a complaint: its
// help does not list them, yet it takes them (BusyBox ps ignores -e and
// -f). What the options then do differently is the probes' verdict.
func acceptedByProbe(name, arg string) bool {
	var opts []string
	if long, _, _ := strings.Cut(arg, "="); strings.HasPrefix(arg, "--") {
		opts = []string{long}
	} else {
		for _, c := range strings.TrimPrefix(arg, "-") {
			opts = append(opts, "-"+string(c))
		}
	}
	for _, o := range opts {
		e := surface.byKey["applet "+name+" "+o]
		if e == nil || e.Compared == nil || e.Compared.AshComplains || e.TakesValue {
			return false
		}
	}
	return len(opts) > 0
}

// runsCommandToo are the commands that run the command line they are
// given, besides the applets of runsCommand.
var runsCommandToo = map[string]bool{"exec": true, "command": true, "sudo": true, "doas": true, "time": true}

// runsBash reports running bash itself: directly, or through a command
// that runs another (exec, sudo, xargs, timeout, env, flock...).
func (a *analyzer) runsBash(name string, args []string, pos syntax.Pos, at func(int) syntax.Pos) {
	if name == "bash" {
		a.add(pos, "runs-bash", "")
		return
	}
	if !runsCommand[name] && !runsCommandToo[name] {
		return
	}
	for i, s := range args {
		if base(s) == "bash" {
			a.add(at(i), "runs-bash", "")
			return
		}
	}
}

// execArgs checks the command that find -exec runs.
func (a *analyzer) execArgs(cmd []string, at func(int) syntax.Pos) {
	if len(cmd) == 0 {
		return
	}
	name := base(cmd[0])
	if name == "bash" {
		a.add(at(0), "runs-bash", "")
	}
	rest := cmd[1:]
	restAt := func(j int) syntax.Pos { return at(j + 1) }
	if name == "gzip" && a.ages.seenAfter(at(0)) {
		if !slices.ContainsFunc(rest, func(s string) bool { return strings.HasPrefix(s, "-") && strings.ContainsAny(s, "cdt") }) {
			a.add(at(0), "gzip-mtime", "")
		}
	}
	a.options(name, rest, restAt)
}

// gzip reports compressing files in place (not to stdout, not testing or
// decompressing) in a script that looks at file ages: the .gz file's time
// then differs from GNU gzip's.
func (a *analyzer) gzip(c *syntax.CallExpr, args []string, at func(int) syntax.Pos) {
	a.options("gzip", args, at)
	files := false
	for _, s := range args {
		switch {
		case s == "--stdout" || s == "--decompress" || s == "--test" || s == "--to-stdout":
			return
		case len(s) > 1 && s[0] == '-' && s[1] != '-':
			if strings.ContainsAny(s[1:], "cdt") {
				return
			}
		case s != "-" && s != "":
			files = true
		}
	}
	if files && a.ages.seenAfter(c.Pos()) {
		a.add(c.Pos(), "gzip-mtime", "")
	}
}
