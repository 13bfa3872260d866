package ash

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// wordCommands are command lines whose output scripts read as one value
// ($(id -u), $(wc -l < f)), each with a probe ("word $(id -u)") that runs
// it under both shells and prints how many words it gave and whether it
// was empty. A command substitution of one whose probe printed one
// non-empty word under both is one word: splitting it in [[ ]] changes
// nothing. "<" stands for input read from a file.
var wordCommands = []string{
	"id -u", "id -g", "id -un", "id -gn", "id -ru", "whoami", "nproc", "date +%s", "date +%Y", "date +%Y%m%d",
	"uname -m", "uname -s", "uname -r", "uname", "wc -l <", "wc -c <", "wc -w <", "getconf PAGESIZE",
	"stat -c %s", "stat -c %a", "tty", "hostname",
}

// oneWordProbe is what a word probe must print under both shells.
const oneWordProbe = "words=1 empty=no\n"

// wordCommandForm is the form of the command a substitution runs, as
// wordCommands names it: the literal words of its simple command (the
// last of a pipeline), and "<" for input read from a file or a pipe. "" when
// any part is known only at run time.
func wordCommandForm(cs *syntax.CmdSubst) string {
	if len(cs.Stmts) != 1 {
		return ""
	}
	st := cs.Stmts[0]
	piped := false
	for {
		b, ok := st.Cmd.(*syntax.BinaryCmd)
		if !ok || b.Op != syntax.Pipe {
			break
		}
		st, piped = b.Y, true
	}
	c, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(c.Args) == 0 || len(c.Assigns) > 0 {
		return ""
	}
	var words []string
	for i, w := range c.Args {
		s, ok := literal(w)
		if !ok {
			return ""
		}
		if i > 0 && !strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "+") && s != "%s" && s != "%a" && s != "PAGESIZE" {
			// an operand: stat -c %s FILE reads FILE
			if base(c.Args[0].Lit()) == "stat" {
				continue
			}
			return ""
		}
		words = append(words, s)
	}
	if piped {
		words = append(words, "<") // its input is the pipe's
	}
	for _, r := range st.Redirs {
		switch r.Op {
		case syntax.RdrIn:
			if !piped {
				words = append(words, "<")
			}
		case syntax.RdrOut, syntax.AppOut, syntax.RdrAll, syntax.AppAll:
			return "" // its output goes elsewhere
		}
	}
	return strings.Join(words, " ")
}

// oneWordCommand says whether a command substitution prints one
// non-empty word under both shells, as its probe showed.
func oneWordCommand(cs *syntax.CmdSubst) bool {
	e := surface.byKey["word $("+wordCommandForm(cs)+")"]
	return e != nil && e.Ash != nil && e.Bash != nil && e.Ash.Stdout == oneWordProbe && e.Bash.Stdout == oneWordProbe
}
