package ash

// The probes of bash's surface: one small script per construct the
// manual names (and per option of the GNU tools that BusyBox applets
// replace), generated from the lists of surface_manual_test.go. Each
// probe prints what the construct did, so that running it under the
// host's ash and the controller's bash tells whether ash aborts, fails,
// prints something else, or does the same.

import (
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// surfaceProbe is one generated probe.
type surfaceProbe struct {
	Key    string // what the analyzer reports it under: "builtin read -d", "param ${p/#pat/s}", ...
	Script string
	// Group is the applet a probe of an external command runs; such
	// probes end with the command's status ("rc=N") and are judged as
	// the tool's (judgeApplet).
	Group string
	// TakesValue: the option is given a value (the next argument).
	TakesValue bool
	// Informational: the GNU tool's help says the option only reports
	// what is being done (--verbose, --changes...).
	Informational bool
	// Situation: the probe puts the applet in a situation scripts meet
	// (a destination that exists, no TERM) rather than choose, so the
	// GNU tool failing there is a result to compare, not a form no
	// script uses.
	Situation bool
}

// rc is appended to probes that end with a command whose status matters.
const rc = "echo \"rc=$?\"\n"

// builtinTemplates exercise one builtin; {opt} is replaced by an option
// (and its value) or by nothing for the builtin alone. A template prints
// the status and the state the builtin changed.
var builtinTemplates = map[string]string{
	".":         "printf 'echo \"in:$#:$1\"\\n' > lib\n. {opt} ./lib a b\n" + rc,
	"source":    "printf 'echo \"in:$#:$1\"\\n' > lib\nsource {opt} ./lib a b\n" + rc,
	":":         ": {opt}\n" + rc,
	"[":         "[ {opt} a ]\n" + rc,
	"test":      "test {opt} a\n" + rc,
	"alias":     "alias {opt} ll='echo aliased'\nll\n" + rc,
	"unalias":   "alias ll='echo aliased'\nunalias {opt} ll\n" + rc,
	"bg":        "bg {opt}\n" + rc,
	"fg":        "fg {opt}\n" + rc,
	"jobs":      "jobs {opt}\n" + rc,
	"bind":      "bind {opt} >/dev/null\n" + rc,
	"break":     "for i in 1 2; do break {opt}; done\necho \"rc=$? $i\"\n",
	"continue":  "for i in 1 2; do continue {opt}; done\necho \"rc=$? $i\"\n",
	"builtin":   "builtin {opt} echo hi\n" + rc,
	"caller":    "f() { caller {opt}; }\nf\n" + rc,
	"cd":        "mkdir -p d\nln -s d l\ncd {opt} l\necho \"rc=$? ${PWD##*/}\"\n",
	"pwd":       "mkdir -p d\nln -s d l\ncd l\npwd {opt} | sed 's,.*/,,'\n",
	"command":   "command {opt} true\n" + rc,
	"compgen":   "compgen {opt} x >/dev/null\n" + rc,
	"complete":  "complete {opt} x >/dev/null\n" + rc,
	"compopt":   "compopt {opt} x >/dev/null\n" + rc,
	"declare":   "declare {opt} v=Ab1\necho \"rc=$? [$v]\"\n",
	"typeset":   "typeset {opt} v=Ab1\necho \"rc=$? [$v]\"\n",
	"local":     "f() { local {opt} v=Ab1; echo \"rc=$? [$v]\"; }\nf\n",
	"export":    "export {opt} v=Ab1\necho \"rc=$? [$v]\"\nenv | grep -c '^v='\n",
	"readonly":  "readonly {opt} v=Ab1\necho \"rc=$? [$v]\"\n",
	"dirs":      "dirs {opt} >/dev/null\n" + rc,
	"pushd":     "mkdir -p d\npushd {opt} d >/dev/null\necho \"rc=$? ${PWD##*/}\"\n",
	"popd":      "popd {opt} >/dev/null\n" + rc,
	"disown":    "sleep 1 >/dev/null 2>&1 &\ndisown {opt}\n" + rc, // a job still there: one already reaped is "no such job"
	"echo":      "echo {opt} 'a\\tb\\c'\n" + rc,
	"enable":    "enable {opt} echo >/dev/null\n" + rc,
	"eval":      "eval {opt} 'echo ok'\n" + rc,
	"exec":      "(exec {opt} sh -c 'echo ok')\n" + rc,
	"exit":      "(exit {opt} 3)\n" + rc,
	"logout":    "(logout {opt} 3)\n" + rc,
	"return":    "f() { return {opt} 3; }\nf\n" + rc,
	"false":     "false {opt}\n" + rc,
	"true":      "true {opt}\n" + rc,
	"fc":        "fc {opt} >/dev/null\n" + rc,
	"history":   "history {opt} >/dev/null\n" + rc,
	"getopts":   "set -- -a -b x y\nwhile getopts {opt} ab: o; do echo \"$o ${OPTARG-}\"; done\necho \"rc=$? $OPTIND\"\n",
	"hash":      "hash {opt} sh >/dev/null\n" + rc,
	"help":      "help {opt} echo >/dev/null\n" + rc,
	"kill":      "sleep 3 >/dev/null 2>&1 &\nkill {opt} $! >/dev/null\n" + rc + "sleep 0.5\n", // bash reports a job killed by some signals when it reaps it
	"let":       "let {opt} x=1+2\necho \"rc=$? $x\"\n",
	"mapfile":   "printf 'x\\ny\\n' > in\nmapfile {opt} a < in\n" + rc,
	"readarray": "printf 'x\\ny\\n' > in\nreadarray {opt} a < in\n" + rc,
	"printf":    "printf {opt} '%s\\n' abc\necho \"rc=$? [${v-}]\"\n",
	"read":      "read {opt} v w <<'EOF'\nab cd:ef gh\nEOF\necho \"rc=$? [$v] [$w]\"\n",
	"set":       "set {opt}\n" + rc,
	"shift":     "set -- a b c\nshift {opt} 2\necho \"rc=$? $*\"\n",
	"shopt":     "shopt {opt} nullglob\n" + rc,
	"suspend":   "suspend {opt}\n" + rc,
	"times":     "times {opt} >/dev/null\n" + rc,
	"trap":      "trap {opt} 'echo trapped' EXIT\n" + rc,
	"type":      "type {opt} sed | sed 's,/.*/,/,'\n" + rc,
	"ulimit":    "ulimit {opt} >/dev/null\n" + rc,
	"umask":     "umask {opt}\n" + rc,
	"unset":     "v=1\nf() { :; }\nunset {opt} v\necho \"rc=$? [${v-}]\"\n",
	"wait":      "sleep 0 &\nwait {opt}\n" + rc,
}

// builtinOptionProbes replace the template for options whose operands
// are not the template's: names rather than assignments (declare -p,
// export -f), listings (trap -p, kill -l), a stack to pop (popd).
var builtinOptionProbes = map[string]string{
	"declare -p":  "v=Ab1\ndeclare -p v >/dev/null\n" + rc,
	"declare -f":  "f() { :; }\ndeclare -f f >/dev/null\n" + rc,
	"declare -F":  "f() { :; }\ndeclare -F f >/dev/null\n" + rc,
	"typeset -p":  "v=Ab1\ntypeset -p v >/dev/null\n" + rc,
	"typeset -f":  "f() { :; }\ntypeset -f f >/dev/null\n" + rc,
	"typeset -F":  "f() { :; }\ntypeset -F f >/dev/null\n" + rc,
	"export -f":   "f() { :; }\nexport -f f\n" + rc,
	"readonly -f": "f() { :; }\nreadonly -f f\n" + rc,
	"trap -p":     "trap 'echo bye' EXIT\ntrap -p EXIT >/dev/null\n" + rc,
	"kill -l":     "kill -l 15\n" + rc,
	"kill -L":     "kill -L 15\n" + rc,
	"popd":        "mkdir -p d\npushd d >/dev/null\npopd >/dev/null\necho \"rc=$? ${PWD##*/}\"\n",
	"popd -n":     "mkdir -p d\npushd d >/dev/null\npopd -n >/dev/null\necho \"rc=$? ${PWD##*/}\"\n",
	"shopt -o":    "shopt -o errexit >/dev/null\n" + rc,
	"hash -t":     "hash sh\nhash -t sh >/dev/null\n" + rc,
}

// withoutOption is a template with its option left out.
func withoutOption(tmpl string) string {
	return strings.Replace(strings.Replace(tmpl, "{opt} ", "", 1), "{opt}", "", 1)
}

// builtinValues are the values given to options that take one.
var builtinValues = map[string]string{
	"read -a": "arr", "read -d": "':'", "read -i": "init", "read -n": "2", "read -N": "3",
	"read -p": "'> '", "read -t": "1", "read -u": "0",
	"mapfile -d": "''", "mapfile -n": "1", "mapfile -O": "1", "mapfile -s": "1", "mapfile -u": "0",
	"mapfile -C": "echo", "mapfile -c": "1",
	"printf -v": "v", "exec -a": "name", "kill -s": "TERM", "kill -n": "15", "kill -l": "15",
	"set -o": "errexit", "enable -f": "none.so", "hash -p": "/bin/sh", "fc -e": "true",
	"history -d": "1", "unset -n": "", "wait -p": "w", "bind -m": "emacs", "bind -f": "none",
	"bind -q": "abort", "bind -r": "x", "bind -u": "abort", "compgen -o": "default",
	"complete -o": "default", "compopt -o": "default", "alias -p": "",
}

func builtinValue(name, opt string) string {
	if name == "readarray" {
		name = "mapfile"
	}
	if v, ok := builtinValues[name+" "+opt]; ok {
		return v
	}
	return "x"
}

// builtinProbes: each builtin alone and with each of its options.
func builtinProbes(specs []builtinSpec) []surfaceProbe {
	var ps []surfaceProbe
	for _, b := range specs {
		tmpl, ok := builtinTemplates[b.Name]
		if !ok {
			continue // TestSurfaceCoversManual reports it
		}
		bare := withoutOption(tmpl)
		if b.Name == "set" {
			bare = "set -- a 'b c'\necho \"$# $2\"\n" // set alone lists the variables, which scripts do not do
		}
		if p, ok := builtinOptionProbes[b.Name]; ok {
			bare = p
		}
		ps = append(ps, surfaceProbe{Key: "builtin " + b.Name, Script: bare})
		for _, o := range b.Options {
			if b.Name == "suspend" {
				continue // suspend -f stops the shell and its timeout with it
			}
			opt := o
			if b.TakesArg[o] {
				if v := builtinValue(b.Name, o); v != "" {
					opt += " " + v
				}
			}
			script := strings.Replace(tmpl, "{opt}", opt, 1)
			if p, ok := builtinOptionProbes[b.Name+" "+o]; ok {
				script = p
			}
			ps = append(ps, surfaceProbe{Key: "builtin " + b.Name + " " + o, Script: script, TakesValue: b.TakesArg[o]})
		}
		if !noEndOfOptions[b.Name] {
			// "--" ends the options: bash's builtins take it, several of
			// ash's take it as an operand (local: "bad variable name").
			ps = append(ps, surfaceProbe{Key: "builtin " + b.Name + " --", Script: strings.Replace(tmpl, "{opt}", "--", 1)})
		}
		if b.Name == "kill" {
			// kill's options are its signals: the ones POSIX names, by
			// name and by number (kill -9, kill -KILL).
			for _, sig := range killSignals {
				ps = append(ps,
					surfaceProbe{Key: "builtin kill -" + sig[0], Script: strings.Replace(tmpl, "{opt}", "-"+sig[0], 1)},
					surfaceProbe{Key: "builtin kill -" + sig[1], Script: strings.Replace(tmpl, "{opt}", "-"+sig[1], 1)})
			}
		}
	}
	return ps
}

// noEndOfOptions are the builtins not probed with "--": suspend stops
// the shell, and bash parses let's words as arithmetic, where "--" is
// an operator without an operand (the analyzer's parser rejects it).
var noEndOfOptions = map[string]bool{"suspend": true, "let": true}

// killSignals are the signals of POSIX kill that end a job, with their
// numbers on Linux (STOP and CONT would leave the probe waiting).
var killSignals = [][2]string{{"HUP", "1"}, {"INT", "2"}, {"QUIT", "3"}, {"ABRT", "6"}, {"KILL", "9"},
	{"USR1", "10"}, {"USR2", "12"}, {"ALRM", "14"}, {"TERM", "15"}}

func shoptProbes(names []string) []surfaceProbe {
	var ps []surfaceProbe
	for _, n := range names {
		ps = append(ps, surfaceProbe{Key: "shopt " + n, Script: "shopt -s " + n + "\n" + rc})
	}
	return ps
}

func setOptionProbes(names []string) []surfaceProbe {
	var ps []surfaceProbe
	for _, n := range names {
		ps = append(ps, surfaceProbe{Key: "set -o " + n, Script: "set -o " + n + "\necho \"rc=$?\"\nset +o " + n + "\n" + rc})
	}
	return ps
}

// variableProbe reads a variable as scripts do: is it set, and is it
// empty, a number or text (its value differs between runs and hosts).
func variableProbe(name string) string {
	return "if [ -n \"${" + name + "+x}\" ]; then s=set; else s=unset; fi\n" +
		"case ${" + name + "-} in '') c=empty;; *[!0-9.]*) c=text;; *) c=number;; esac\necho \"$s $c\"\n"
}

// variableContexts are variables that only have a value in some place:
// inside a function, after a match, after read.
var variableContexts = map[string]string{
	"FUNCNAME":      "f() {\n%s}\nf\n",
	"BASH_SOURCE":   "f() {\n%s}\nf\n",
	"BASH_LINENO":   "f() {\n%s}\nf\n",
	"BASH_ARGC":     "f() {\n%s}\nf a\n",
	"BASH_ARGV":     "f() {\n%s}\nf a\n",
	"BASH_REMATCH":  "[[ ab =~ a ]]\n%s",
	"REPLY":         "read <<EOF\nline\nEOF\n%s",
	"OPTARG":        "set -- -b x\ngetopts b: o\n%s",
	"OLDPWD":        "mkdir d\ncd d\n%s",
	"PIPESTATUS":    "true | false\n%s",
	"BASH_SUBSHELL": "(\n%s)\n",
	"MAPFILE":       "mapfile < /dev/null 2>/dev/null\n%s",
	"COPROC":        "%s",
}

// variableEffects are the variables whose value changes what the shell
// does: assigning them is probed as well.
var variableEffects = map[string]string{
	"IFS":           "IFS=:\nv=a:b\nset -- $v\necho \"$# $1\"\n",
	"GLOBIGNORE":    "touch a.x b.x\nGLOBIGNORE='a*'\necho *.x\n",
	"TIMEFORMAT":    "TIMEFORMAT=took\n{ time true; } 2>&1\n",
	"BASH_XTRACEFD": "exec 3>trace\nBASH_XTRACEFD=3\nset -x\n: hi\nset +x\nwc -l < trace\n",
	"FUNCNEST":      "FUNCNEST=2\nf() { g; }\ng() { h; }\nh() { echo deep; }\nf\n" + rc,
	"CDPATH":        "mkdir -p base/sub\nCDPATH=base\ncd sub >/dev/null\necho \"rc=$? ${PWD##*/}\"\n",
	// OPTIND as scripts set it: local to a function whose getopts loop
	// runs at each call, and reset to 1 before parsing again.
	"OPTIND": "f() { local OPTIND o; while getopts ab: o; do echo \"$o ${OPTARG-}\"; done; shift $((OPTIND-1)); echo \"rest $*\"; }\n" +
		"f -a -b x y\nf -b z w\nset -- -a\nOPTIND=1\ngetopts a o\necho \"$o $OPTIND\"\n",
	"OPTERR":          "OPTERR=0\nset -- -z\ngetopts a o\necho \"$o\"\n",
	"PS4":             "PS4='>> '\nset -x\n: hi\nset +x\n",
	"POSIXLY_CORRECT": "POSIXLY_CORRECT=1\nf() { echo in; }\nf\n",
	"BASH_COMPAT":     "BASH_COMPAT=42\necho ok\n",
	"EXECIGNORE":      "EXECIGNORE='*/ls'\nls >/dev/null 2>&1\n" + rc,
	"TMOUT":           "TMOUT=1\nread v <<EOF\nx\nEOF\necho \"$v\"\n",
	"HISTFILE":        "HISTFILE=./h\necho ok\n",
	"GROUPS":          "GROUPS=admin\necho \"$GROUPS\"\n",
	"SECONDS":         "SECONDS=100\necho \"$SECONDS\" | cut -c1-2\n",
	"RANDOM":          "RANDOM=7\na=$RANDOM\nRANDOM=7\nb=$RANDOM\n[ \"$a\" = \"$b\" ] && echo seeded || echo unseeded\n",
	"UID":             "UID=5\necho \"rc=$? $UID\"\n",
	"EUID":            "EUID=5\necho \"rc=$? $EUID\"\n",
	"PPID":            "PPID=5\necho \"rc=$? $PPID\"\n",
	"LINENO":          "LINENO=50\necho \"$LINENO\"\n",
	"HOSTNAME":        "HOSTNAME=h1\necho \"$HOSTNAME\"\n",
	"BASHOPTS":        "BASHOPTS=x\n" + rc,
	"SHELLOPTS":       "SHELLOPTS=x\n" + rc,
	"BASH_VERSINFO":   "BASH_VERSINFO=x\n" + rc,
}

// specialParameters are $-, $_ and friends, as scripts use them.
var specialParameters = []surfaceProbe{
	{Key: "var -", Script: "case $- in *i*) echo interactive;; *) echo script;; esac\n"},
	{Key: "var _", Script: "echo a b >/dev/null\necho \"$_\"\n"},
	{Key: "var 0", Script: "echo \"${0##*/}\"\n"},
	{Key: "var $", Script: "[ \"$$\" -gt 0 ] && echo pid\n"},
	{Key: "var !", Script: "sleep 0 &\n[ \"$!\" -gt 0 ] && echo pid\n"},
	{Key: "var #", Script: "set -- a b\necho \"$#\"\n"},
	{Key: "var ?", Script: "false\necho \"$?\"\n"},
	{Key: "var *", Script: "set -- a 'b c'\nIFS=:\necho \"$*\"\n"},
	// bash unsets OPTARG after an option without a value, ash sets it
	// empty: what a test of whether it is set tells.
	{Key: "var OPTARG unset", Script: "set -- -a\ngetopts a o\necho \"[${OPTARG-unset}] [${OPTARG+set}]\"\n"},
	{Key: "var @", Script: "set -- a 'b c'\nfor x in \"$@\"; do echo \"[$x]\"; done\n"},
}

func variableProbes(names []string) []surfaceProbe {
	var ps []surfaceProbe
	for _, n := range names {
		read := variableProbe(n)
		if ctx, ok := variableContexts[n]; ok {
			read = fmt.Sprintf(ctx, read)
		}
		ps = append(ps, surfaceProbe{Key: "var " + n, Script: read})
		effect, ok := variableEffects[n]
		if !ok {
			effect = n + "=x1\necho \"rc=$? [$" + n + "]\"\n"
		}
		ps = append(ps, surfaceProbe{Key: "assign " + n, Script: effect})
	}
	// a bash variable read through a default that computes its value
	// (a path by its last part: the probes' directories differ)
	for name, fallbacks := range variableFallbacks {
		for _, f := range fallbacks {
			for _, op := range []string{":-", "-"} {
				ps = append(ps, surfaceProbe{Key: "var " + name + " " + op + f, Script: "v=${" + name + op + f + "}\necho \"${v##*/}\"\n"})
			}
		}
	}
	return append(ps, specialParameters...)
}

// paramProbes are the concrete forms of each parameter expansion of the
// manual (paramForms maps the manual's form to them).
var paramProbes = []surfaceProbe{
	{Key: "param ${p}", Script: "v=abc\necho \"${v}x\"\n"},
	{Key: "param ${p:-w}", Script: "v=\nu=x\necho \"[${v:-d}] [${u:-d}] [${none:-d}]\"\n"},
	{Key: "param ${p-w}", Script: "v=\necho \"[${v-d}] [${none-d}]\"\n"},
	{Key: "param ${p:=w}", Script: "v=\n: \"${v:=d}\"\necho \"[$v]\"\n"},
	{Key: "param ${p=w}", Script: ": \"${none=d}\"\necho \"[$none]\"\n"},
	{Key: "param ${p:?w}", Script: "v=x\necho \"${v:?gone}\"\n(: \"${none:?gone}\") 2>/dev/null\n" + rc},
	{Key: "param ${p?w}", Script: "v=\necho \"[${v?gone}]\"\n(: \"${none?gone}\") 2>/dev/null\n" + rc},
	{Key: "param ${p:+w}", Script: "v=\nu=x\necho \"[${v:+a}] [${u:+a}]\"\n"},
	{Key: "param ${p+w}", Script: "v=\necho \"[${v+a}] [${none+a}]\"\n"},
	{Key: "param ${p:o}", Script: "v=abcdef\necho \"${v:2}\"\n"},
	{Key: "param ${p:o:l}", Script: "v=abcdef\necho \"${v:1:3}\"\n"},
	{Key: "param ${p: -o}", Script: "v=abcdef\necho \"${v: -2}\" \"${v: -2:1}\"\n"},
	{Key: "param ${p:(-o)}", Script: "v=abcdef\necho \"${v:(-2)}\"\n"},
	{Key: "param ${p:o:-l}", Script: "v=abcdef\necho \"${v:1:-2}\"\n"},
	{Key: "param ${p:expr}", Script: "v=abcdef\ni=1\necho \"${v:i+1:i*2}\"\n"},
	{Key: "param ${p:$o}", Script: "v=abcdef\no=2\nl=3\necho \"${v:$o:$l}\"\n"},
	{Key: "param ${@:o}", Script: "set -- alpha be charlie d\necho \"${@:2}\"\nfor w in \"${@:3}\"; do echo \"[$w]\"; done\n"},
	{Key: "param ${@:o:l}", Script: "set -- alpha be charlie d\necho \"${@:2:2}\" \"${*:1:1}\"\n"},
	{Key: "param ${!prefix*}", Script: "abc=1\nabd=2\necho \"${!ab*}\"\n"},
	{Key: "param ${!prefix@}", Script: "abc=1\nabd=2\necho \"${!ab@}\"\n"},
	{Key: "param ${!name[@]}", Script: "a=(x y)\necho \"${!a[@]}\"\n"},
	{Key: "param ${!name[*]}", Script: "a=(x y)\necho \"${!a[*]}\"\n"},
	{Key: "param ${!p}", Script: "x=y\ny=found\necho \"${!x}\"\n"},
	{Key: "param ${#p}", Script: "v=abcd\necho \"${#v}\"\n"},
	{Key: "param ${#@}", Script: "set -- alpha be charlie\necho \"${#@}\" \"${#*}\"\n"},
	{Key: "param ${p#w}", Script: "v=a.b.c\necho \"${v#*.}\"\n"},
	{Key: "param ${p##w}", Script: "v=a.b.c\necho \"${v##*.}\"\n"},
	{Key: "param ${p%w}", Script: "v=a.b.c\necho \"${v%.*}\"\n"},
	{Key: "param ${p%%w}", Script: "v=a.b.c\necho \"${v%%.*}\"\n"},
	{Key: "param ${p#[class]}", Script: "v=0012\necho \"${v##*[!0-9]}\" \"${v#[0]}\" \"${v%%[[:digit:]]}\"\n"},
	{Key: "param ${p/pat/s}", Script: "v=a-b-c\necho \"${v/-/+}\"\n"},
	{Key: "param ${p//pat/s}", Script: "v=a-b-c\necho \"${v//-/_}\"\n"},
	{Key: "param ${p/#pat/s}", Script: "v=a-b-a\necho \"${v/#a/X}\" \"${v/#b/X}\"\n"},
	{Key: "param ${p/%pat/s}", Script: "v=a-b-a\necho \"${v/%a/X}\" \"${v/%b/X}\"\n"},
	{Key: "param ${p/pat}", Script: "v=a-b-c\necho \"${v/-}\" \"${v//-}\"\n"},
	{Key: "param ${p//pat/&}", Script: "v=a-b\necho \"${v//-/[&]}\"\n"},
	{Key: "param ${p//[class]/s}", Script: "v=a1b2\necho \"${v//[0-9]/#}\" \"${v//[[:alpha:]]/.}\"\n"},
	{Key: "param ${p//\\//s}", Script: "v=a/b/c\necho \"${v//\\//_}\"\n"},
	{Key: "param ${p//$x/s}", Script: "v='a*b*c'\nx='*'\necho \"${v//$x/-}\" \"${v//\"$x\"/-}\"\n"},
	{Key: "param ${p/pat/$s}", Script: "v=a-b\ns='x y'\necho \"${v/-/$s}\"\n"},
	{Key: "param ${p^}", Script: "v=abc\necho \"${v^}\"\n"},
	{Key: "param ${p^^}", Script: "v=abc\necho \"${v^^}\"\n"},
	{Key: "param ${p,}", Script: "v=ABC\necho \"${v,}\"\n"},
	{Key: "param ${p,,}", Script: "v=ABC\necho \"${v,,}\"\n"},
	{Key: "param ${p^pat}", Script: "v=abc\necho \"${v^[ab]}\"\n"},
	{Key: "param ${p^^pat}", Script: "v=abc\necho \"${v^^[ab]}\"\n"},
	{Key: "param ${p,pat}", Script: "v=ABC\necho \"${v,[AB]}\"\n"},
	{Key: "param ${p,,pat}", Script: "v=ABC\necho \"${v,,[AB]}\"\n"},
	{Key: "param ${name[i]}", Script: "set -- x\necho \"[${a[0]}]\"\n"},
	{Key: "param ${name[@]}", Script: "a=(x 'y z')\nfor i in \"${a[@]}\"; do echo \"$i\"; done\n"},
	{Key: "param ${name[*]}", Script: "a=(x y)\necho \"${a[*]}\"\n"},
	{Key: "param ${#name[i]}", Script: "a=(xy z)\necho \"${#a[0]}\" \"${#a[@]}\"\n"},
}

// paramOperators are the letters of ${parameter@operator}.
var paramOperatorProbe = "v='a b'\necho \"${v@%s}\"\n"

// paramForms maps each form of the manual to the probes above.
var paramForms = map[string][]string{
	"${parameter}":                 {"param ${p}"},
	"${parameter:-word}":           {"param ${p:-w}", "param ${p-w}"},
	"${parameter:=word}":           {"param ${p:=w}", "param ${p=w}"},
	"${parameter:?word}":           {"param ${p:?w}", "param ${p?w}"},
	"${parameter:+word}":           {"param ${p:+w}", "param ${p+w}"},
	"${parameter:offset}":          {"param ${p:o}", "param ${p: -o}", "param ${p:(-o)}", "param ${p:expr}", "param ${p:$o}", "param ${@:o}"},
	"${parameter:offset:length}":   {"param ${p:o:l}", "param ${p:o:-l}", "param ${@:o:l}"},
	"${!prefix*}":                  {"param ${!prefix*}"},
	"${!prefix@}":                  {"param ${!prefix@}"},
	"${!name[@]}":                  {"param ${!name[@]}"},
	"${!name[*]}":                  {"param ${!name[*]}"},
	"${#parameter}":                {"param ${#p}", "param ${#@}"},
	"${parameter#word}":            {"param ${p#w}", "param ${p#[class]}"},
	"${parameter##word}":           {"param ${p##w}"},
	"${parameter%word}":            {"param ${p%w}"},
	"${parameter%%word}":           {"param ${p%%w}"},
	"${parameter/pattern/string}":  {"param ${p/pat/s}", "param ${p/pat}", "param ${p//pat/&}", "param ${p//[class]/s}", "param ${p//\\//s}", "param ${p//$x/s}", "param ${p/pat/$s}"},
	"${parameter//pattern/string}": {"param ${p//pat/s}"},
	"${parameter/#pattern/string}": {"param ${p/#pat/s}"},
	"${parameter/%pattern/string}": {"param ${p/%pat/s}"},
	"${parameter^pattern}":         {"param ${p^}", "param ${p^pat}"},
	"${parameter^^pattern}":        {"param ${p^^}", "param ${p^^pat}"},
	"${parameter,pattern}":         {"param ${p,}", "param ${p,pat}"},
	"${parameter,,pattern}":        {"param ${p,,}", "param ${p,,pat}"},
	"${parameter@operator}":        nil, // the letters below
	"${name[subscript]}":           {"param ${name[i]}"},
	"${name[*]}":                   {"param ${name[*]}"},
	"${name[@]}":                   {"param ${name[@]}"},
	"${#name[subscript]}":          {"param ${#name[i]}"},
}

// arithProbes: one per operator of ARITHMETIC EVALUATION, and the forms
// of constants and of arithmetic commands.
var arithOperatorProbes = map[string]surfaceProbe{
	"id++":           {Key: "arith x++", Script: "x=7\necho $((x++)) $x\n"},
	"id--":           {Key: "arith x--", Script: "x=7\necho $((x--)) $x\n"},
	"++id":           {Key: "arith ++x", Script: "x=7\necho $((++x)) $x\n"},
	"--id":           {Key: "arith --x", Script: "x=7\necho $((--x)) $x\n"},
	"!":              {Key: "arith !", Script: "echo $((!0)) $((!5))\n"},
	"~":              {Key: "arith ~", Script: "echo $((~5))\n"},
	"**":             {Key: "arith **", Script: "echo $((2**10))\n"},
	"expr?expr:expr": {Key: "arith ?:", Script: "x=3\necho $((x > 2 ? 10 : 20))\n"},
	"expr1":          {Key: "arith ,", Script: "echo $((x=1, x+5))\n"},
}

func arithProbes(ops []string) []surfaceProbe {
	var ps []surfaceProbe
	seen := map[string]bool{}
	for i, op := range ops {
		p, ok := arithOperatorProbes[op]
		switch {
		case ok:
		case op == ",", op == "expr2":
			continue // the comma form is "expr1 , expr2"
		case (op == "-" || op == "+") && i < 6:
			p = surfaceProbe{Key: "arith unary " + op, Script: "x=3\necho $((" + op + "x)) $((" + op + "(2-5)))\n"}
		case strings.HasSuffix(op, "=") && op != "==" && op != "!=" && op != "<=" && op != ">=":
			p = surfaceProbe{Key: "arith " + op, Script: "x=12\n: $((x " + op + " 3))\necho \"$x\"\n"}
		default:
			p = surfaceProbe{Key: "arith " + op, Script: "echo $((12 " + op + " 3)) $((3 " + op + " 12)) $((5 " + op + " 5))\n"}
		}
		if !seen[p.Key] {
			seen[p.Key] = true
			ps = append(ps, p)
		}
	}
	return append(ps, arithForms...)
}

// arithForms: constants and where arithmetic is written.
var arithForms = []surfaceProbe{
	{Key: "arith 0x", Script: "echo $((0x1f))\n"},
	{Key: "arith 0octal", Script: "echo $((010))\n"},
	{Key: "arith base#n", Script: "echo $((2#101)) $((16#ff))\n"},
	{Key: "arith name", Script: "x=4\necho $((x * 2))\n"},
	{Key: "arith $name", Script: "x=4\necho $(($x * 2))\n"},
	{Key: "arith name[i]", Script: "a=(3 4)\necho $((a[1] * 2))\n"},
	{Key: "syntax ((", Script: "x=1\n(( x = x + 2 ))\necho \"rc=$? $x\"\n((0))\n" + rc},
	{Key: "syntax $[", Script: "echo $[1+2]\n"},
	{Key: "syntax for((", Script: "for ((i=0; i<2; i++)); do echo \"$i\"; done\n"},
	{Key: "syntax let", Script: "let x=1+2 'y = x * 2'\necho \"rc=$? $x $y\"\n"},
}

// testFixture makes files of every kind the file operators look at.
const testFixture = "printf x > f\n: > e\nmkdir d\nln -s f l\nmkfifo p\nprintf x > x\nchmod +x x\ntouch -d '2001-01-01 00:00:00' old\n"

// testOperandProbe is the operator used as scripts do in `[ ]` or `[[ ]]`.
func testOperandProbe(op, open, close string) string {
	esc := op
	if open == "[" && (op == "<" || op == ">") {
		esc = "\\" + op
	}
	switch op {
	case "-a", "-o":
		// Both the unary primary and the connective; the connective is what scripts use.
		if open == "[" {
			return testFixture + "for x in f none; do if [ -e f " + op + " -e $x ]; then printf 1; else printf 0; fi; done\necho\n"
		}
		if op == "-o" {
			return "for o in errexit pipefail; do if [[ -o $o ]]; then printf 1; else printf 0; fi; done\necho\n"
		}
		return testFixture + "for x in f none; do if [[ -a $x ]]; then printf 1; else printf 0; fi; done\necho\n"
	case "-t":
		return "if " + open + " -t 1 " + close + "; then echo tty; else echo notty; fi\n"
	case "-v", "-R":
		return "v=1\nfor x in v none; do if " + open + " " + op + " $x " + close + "; then printf 1; else printf 0; fi; done\necho\n"
	case "-z", "-n":
		return "for x in '' a; do if " + open + " " + op + " \"$x\" " + close + "; then printf 1; else printf 0; fi; done\necho\n"
	case "!":
		return testFixture + "if " + open + " ! -e none " + close + "; then echo yes; fi\n"
	case "-nt", "-ot", "-ef":
		return testFixture + "for x in old f l; do if " + open + " f " + op + " $x " + close + "; then printf 1; else printf 0; fi; done\necho\n"
	case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
		return "for x in 9 10 11; do if " + open + " 10 " + op + " $x " + close + "; then printf 1; else printf 0; fi; done\necho\n"
	case "=", "==", "!=", "<", ">":
		return "for x in a b c; do if " + open + " b " + esc + " \"$x\" " + close + "; then printf 1; else printf 0; fi; done\necho\n"
	}
	// A unary file operator.
	return testFixture + "for x in f e d l p x none; do if " + open + " " + op + " $x " + close + "; then printf 1; else printf 0; fi; done\necho\n"
}

func testProbes(ops []string) []surfaceProbe {
	var ps []surfaceProbe
	for _, op := range ops {
		ps = append(ps, surfaceProbe{Key: "test " + op, Script: testOperandProbe(op, "[", "]")})
		ps = append(ps, surfaceProbe{Key: "[[ " + op, Script: testOperandProbe(op, "[[", "]]")})
	}
	return append(ps, doubleBracketForms...)
}

// doubleBracketForms are what [[ ]] does beyond the operators of test.
var doubleBracketForms = []surfaceProbe{
	{Key: "[[ =~", Script: "if [[ abc =~ ^a.c$ ]]; then echo yes; else echo no; fi\n"},
	{Key: "[[ =~ (", Script: "if [[ ab =~ a(b) ]]; then echo yes; fi\n"},
	{Key: "[[ =~ $re", Script: "re='^a(b)'\nif [[ ab =~ $re ]]; then echo yes; else echo no; fi\n"},
	{Key: "[[ =~ \"quoted\"", Script: "if [[ a.c =~ \"a.c\" ]]; then printf 1; fi\nif [[ abc =~ \"a.c\" ]]; then printf 1; else printf 0; fi\necho\n"},
	{Key: "[[ &&", Script: "if [[ -n a && -z '' ]]; then echo yes; fi\n"},
	{Key: "[[ ||", Script: "if [[ -z a || -n a ]]; then echo yes; fi\n"},
	{Key: "[[ (", Script: "if [[ ( -n a ) ]]; then echo yes; fi\n"},
	{Key: "[[ == pattern", Script: "if [[ abc == a* ]]; then printf 1; fi\nif [[ abc == a? ]]; then printf 1; else printf 0; fi\necho\n"},
	{Key: "[[ == \"quoted\"", Script: "if [[ abc == \"a*\" ]]; then echo match; else echo nomatch; fi\n"},
	// bash evaluates the operands of -eq... in [[ ]] as arithmetic: a
	// value built like $n+1 is its sum there.
	{Key: "[[ -eq $expr", Script: "n=1\nn=$n+1\nif [[ $n -eq 2 ]]; then echo two; else echo other; fi\n"},
	{Key: "[[ -eq $unquoted", Script: "x=$(echo 10)\ny=$(echo 9)\nif [[ $x -gt $y ]]; then printf 1; else printf 0; fi\nif [[ $y -eq 9 ]]; then printf 1; else printf 0; fi\necho\n"},
	{Key: "[[ $unquoted", Script: "x='a b'\ny=\nif [[ $x == \"a b\" ]]; then printf 1; else printf 0; fi\nif [[ -z $y ]]; then printf 1; else printf 0; fi\necho\n"},
	{Key: "[[ $(cmd)", Script: "if [[ $(echo a b) == \"a b\" ]]; then echo eq; else echo ne; fi\n"},
	// A word alone is a test of its being non-empty: ash splits an
	// unquoted expansion there too.
	{Key: "[[ $unquoted alone", Script: "x='a b'\nif [[ $x ]]; then echo yes; else echo no; fi\n"},
	{Key: "[[ $(cmd) alone", Script: "if [[ $(echo a b) ]]; then echo yes; else echo no; fi\n"},
	// A backslash in an unquoted regex: bash hands it to the regex (a
	// literal character), ash removes it as a quote first.
	{Key: "[[ =~ \\special", Script: "if [[ '[a]' =~ ^\\[.*\\]$ ]]; then printf 1; else printf 0; fi\nif [[ 1x2 =~ ^1\\.2$ ]]; then printf 1; else printf 0; fi\necho\n"},
	{Key: "[[ =~ \\blank", Script: "if [[ 'a b' =~ ^a\\ b$ ]]; then echo yes; else echo no; fi\n"},
	{Key: "[[ -n $#", Script: "set -- a\nif [[ $# -eq 1 ]]; then echo one; fi\n"},
	// A bare name as an operand of -eq...: bash evaluates it as a
	// variable, ash wants a number.
	{Key: "[[ -eq name", Script: "i=2\nif [[ i -gt 1 ]]; then echo more; else echo less; fi\n"},
}

// letForms are the shapes of let's arguments: bash parses them as
// arithmetic, so unquoted parentheses are grouping; ash runs let as a
// command, whose words the shell's grammar reads first.
var letForms = []surfaceProbe{
	{Key: "syntax let (", Script: "set -- 7 12\nlet x=(${1}*100/${2})/10\necho \"rc=$? $x\"\n"},
	{Key: "syntax let \"(\"", Script: "set -- 7 12\nlet \"x=(${1}*100/${2})/10\"\necho \"rc=$? $x\"\n"},
	{Key: "syntax let a b", Script: "let x=1+2 y=x*2 \"z = y - 1\"\necho \"rc=$? $x $y $z\"\n"},
}

// aliasForms: bash expands aliases only in interactive shells (or with
// shopt -s expand_aliases), ash in scripts too.
var aliasForms = []surfaceProbe{
	{Key: "syntax alias-use", Script: "alias ls='echo aliased'\nls -d .\n" + rc},
	{Key: "syntax alias-use expand_aliases", Script: "shopt -s expand_aliases 2>/dev/null\nalias ls='echo aliased'\nls -d .\n" + rc},
	{Key: "syntax alias-use function", Script: "f() { echo function; }\nalias f='echo aliased'\nf\n" + rc},
}

// redirectionProbes: the subsections of REDIRECTION and their forms.
var redirectionProbes = map[string][]surfaceProbe{
	"Redirecting Input": {
		{Key: "redir <", Script: "echo hi > f\ncat < f\n"},
		{Key: "redir /dev/stdin", Script: "echo hi | cat /dev/stdin\n"},
		{Key: "redir /dev/fd/N", Script: "echo hi > f\nexec 3< f\ncat /dev/fd/3\n"},
	},
	"Redirecting Output": {
		{Key: "redir >", Script: "echo hi > f\ncat f\n"},
		{Key: "redir >|", Script: "set -C\necho a > f\necho b >| f\ncat f\n"},
		{Key: "redir /dev/stderr", Script: "echo err > /dev/stderr 2>&1\n"},
		{Key: "redir /dev/tcp", Script: "(echo x > /dev/tcp/127.0.0.1/9) 2>/dev/null\n" + rc},
	},
	"Appending Redirected Output": {
		{Key: "redir >>", Script: "echo a >> f\necho b >> f\ncat f\n"},
	},
	"Redirecting Standard Output and Standard Error": {
		{Key: "redir &>", Script: "{ echo out; echo err >&2; } &> f\ncat f\n"},
		{Key: "redir >&word", Script: "{ echo out; echo err >&2; } >& f\ncat f\n"},
	},
	"Appending Standard Output and Standard Error": {
		{Key: "redir &>>", Script: "echo a > f\n{ echo out; echo err >&2; } &>> f\ncat f\n"},
	},
	"Here Documents": {
		{Key: "redir <<", Script: "v=x\ncat <<EOF\n$v \\$v\nEOF\n"},
		{Key: "redir <<'EOF'", Script: "v=x\ncat <<'EOF'\n$v\nEOF\n"},
		{Key: "redir <<-", Script: "cat <<-EOF\n\tindented\n\tEOF\n"},
		{Key: "redir <<EOF in $()", Script: "x=$(cat <<EOF\nin\nEOF\n)\necho \"$x\"\n"},
	},
	"Here Strings": {
		{Key: "redir <<<", Script: "v='a b'\ncat <<< \"$v\"\n"},
	},
	"Duplicating File Descriptors": {
		{Key: "redir n>&m", Script: "{ echo err >&2; } 2>&1 | cat\n"},
		{Key: "redir n<&m", Script: "echo hi > f\nexec 3< f\ncat <&3\n"},
		{Key: "redir >&-", Script: "{ echo a; echo b >&3; } 3>&- 2>/dev/null\n" + rc},
		{Key: "redir fd>9", Script: "exec 12> f\necho hi >&12\ncat f\n"},
		{Key: "redir {var}>", Script: "exec {fd}> f\necho \"rc=$?\"\n"},
	},
	"Moving File Descriptors": {
		{Key: "redir >&-move", Script: "echo hi > f\nexec 3< f\ncat <&3-\n" + rc},
	},
	"Opening File Descriptors for Reading and Writing": {
		{Key: "redir <>", Script: "echo hi > f\nexec 3<> f\ncat <&3\n"},
	},
}

// grammarProbes: SHELL GRAMMAR, QUOTING, EXPANSION and FUNCTIONS, by subsection.
var grammarProbes = map[string][]surfaceProbe{
	"Simple Commands": {
		{Key: "assign prefix", Script: "v=1 sh -c 'echo \"[$v]\"'\necho \"[${v-}]\"\n"},
		{Key: "assign prefix-function", Script: "f() { echo \"[$v]\"; }\nv=1 f\necho \"[${v-}]\"\n"},
		{Key: "assign prefix-special", Script: "v=1 :\necho \"[${v-}]\"\n"},
		{Key: "assign +=", Script: "v=a\nv+=b\necho \"$v\"\n"},
		{Key: "assign a=(", Script: "a=(x y)\necho \"$a\"\n"},
		{Key: "assign a+=(", Script: "a=(x)\na+=(y)\necho \"$a\"\n"},
		{Key: "assign a[i]=", Script: "a[1]=x\necho \"$a\"\n"},
	},
	"Pipelines": {
		{Key: "syntax |&", Script: "{ echo err >&2; } |& cat\n"},
		{Key: "syntax time", Script: "{ time true; } 2>&1 | grep -c real\n"},
		{Key: "syntax time -p", Script: "{ time -p true; } 2>&1 | grep -c '^real'\n"},
		// bash's time keyword reports on the shell's standard error;
		// BusyBox ash runs the time applet, which reports on the timed
		// command's: the command's own redirections take the report.
		{Key: "syntax time 2>", Script: "n=$({ time true 2>/dev/null; } 2>&1 | grep -c real)\necho \"reports=$n\"\n"},
		{Key: "syntax time -p 2>", Script: "n=$({ time -p true 2>/dev/null; } 2>&1 | grep -c '^real')\necho \"reports=$n\"\n"},
		{Key: "syntax time 2>&1", Script: "n=$({ time true 2>&1; } 2>/dev/null | grep -c real)\necho \"reports=$n\"\n"},
		{Key: "syntax time |", Script: "n=$({ time true | cat; } 2>&1 | grep -c real)\necho \"reports=$n\"\n"},
		{Key: "syntax !", Script: "! false\n" + rc},
		{Key: "syntax lastpipe", Script: "v=before\necho after | read v\necho \"$v\"\n"},
	},
	"Lists": {
		{Key: "syntax &&", Script: "true && echo and\nfalse || echo or\n"},
		{Key: "syntax &", Script: "sleep 0 &\nwait\n" + rc},
	},
	"Compound Commands": {
		{Key: "syntax ( )", Script: "(v=1)\necho \"[${v-}]\"\n"},
		{Key: "syntax { }", Script: "{ v=1; }\necho \"[$v]\"\n"},
		{Key: "syntax [[", Script: "if [[ -n a ]]; then echo yes; fi\n"},
		{Key: "syntax for", Script: "for i in a b; do echo \"$i\"; done\n"},
		{Key: "syntax for-noin", Script: "set -- a b\nfor i; do echo \"$i\"; done\n"},
		{Key: "syntax select", Script: "echo 1 | { select x in a b; do echo \"$x\"; break; done; } 2>/dev/null\n" + rc},
		{Key: "syntax case", Script: "case ab in a*) echo a;; *) echo other;; esac\n"},
		{Key: "syntax case ;&", Script: "case a in a) echo one ;& b) echo two ;; esac\n"},
		{Key: "syntax case ;;&", Script: "case a in a) echo one ;;& *) echo two ;; esac\n"},
		{Key: "syntax if", Script: "if false; then echo a; elif true; then echo b; else echo c; fi\n"},
		{Key: "syntax while", Script: "i=0\nwhile [ $i -lt 2 ]; do i=$((i+1)); done\necho $i\n"},
		{Key: "syntax until", Script: "i=0\nuntil [ $i -ge 2 ]; do i=$((i+1)); done\necho $i\n"},
	},
	"Coprocesses": {
		{Key: "syntax coproc", Script: "coproc cat\necho end\n"},
	},
	"Shell Function Definitions": {
		{Key: "syntax function", Script: "function f { echo hi; }\nf\n"},
		{Key: "syntax function()", Script: "function f() { echo hi; }\nf\n"},
		{Key: "syntax f() ( )", Script: "f() ( v=1 )\nf\necho \"[${v-}]\"\n"},
		{Key: "syntax f-name-dash", Script: "my-func() { echo hi; }\nmy-func\n"},
		{Key: "syntax return-in-source", Script: "printf 'return 3\\necho after\\n' > lib\n. ./lib\n" + rc},
		// A script that is run (it starts with #!) returning outside a
		// function, and the test scripts use to tell whether they are
		// sourced (bash's complaint is sent away, as there: what differs
		// is that bash goes on); statuses out of range.
		{Key: "syntax return-top", Script: "#!/bin/sh\necho before\nreturn 3 2>/dev/null\n" + rc},
		{Key: "syntax return-top ( )", Script: "#!/bin/sh\n(return 0 2>/dev/null) && echo sourced || echo run\n"},
		{Key: "syntax return -N", Script: "f() { return -1; }\nf\n" + rc},
		{Key: "syntax return N>255", Script: "f() { return 300; }\nf\n" + rc},
		{Key: "syntax exit -N", Script: "(exit -1)\n" + rc},
		{Key: "syntax exit N>255", Script: "(exit 300)\n" + rc},
	},
	"Brace Expansion": {
		{Key: "syntax {a,b}", Script: "echo pre{a,b}post\n"},
		{Key: "syntax {1..3}", Script: "echo {1..3}\n"},
		{Key: "syntax {1..9..2}", Script: "echo {1..9..4}\n"},
		{Key: "syntax {a..c}", Script: "echo {a..c}\n"},
		{Key: "syntax {01..3}", Script: "echo {01..03}\n"},
		// Every position a word with braces takes: bash expands the
		// arguments of its declaring builtins, nothing else below.
		{Key: "syntax {a,b} export", Script: "export {A,B}_X=1\n" + rc + "echo \"[${A_X-}] [${B_X-}]\"\n"},
		{Key: "syntax {a,b} readonly", Script: "readonly {A,B}_X=1\n" + rc + "echo \"[${A_X-}] [${B_X-}]\"\n"},
		{Key: "syntax {a,b} local", Script: "f() { local {a,b}_x=1; echo \"rc=$? [${a_x-}] [${b_x-}]\"; }\nf\n"},
		{Key: "syntax {a,b} v=", Script: "v=pre{a,b}post\necho \"$v\"\n"},
		{Key: "syntax {a,b} [[", Script: "v=pre{a,b}post\nif [[ $v == pre{a,b}post ]]; then echo yes; else echo no; fi\n"},
		{Key: "syntax {a,b} case", Script: "case a in {a,b}) echo brace;; a) echo plain;; esac\n"},
	},
	"Tilde Expansion": {
		{Key: "syntax ~", Script: "HOME=/h\necho ~ ~/x\n"},
		{Key: "syntax ~user", Script: "echo ~root | sed 's,.*/,,'\n"},
		{Key: "syntax ~+", Script: "echo ~+ | sed 's,.*/,,'\n"},
		{Key: "syntax ~-", Script: "mkdir d\ncd d\necho ~- | sed 's,.*/,,'\n"},
		{Key: "assign ~:", Script: "HOME=/h\nv=~/a:~/b\necho \"$v\"\n"},
	},
	"Parameter Expansion": nil, // paramProbes
	"Command Substitution": {
		{Key: "syntax $()", Script: "echo \"$(echo a; echo b)\"\n"},
		{Key: "syntax ``", Script: "echo `echo a`\n"},
		{Key: "syntax $(<file)", Script: "echo hi > f\necho \"[$(<f)]\"\n"},
	},
	"Arithmetic Expansion": nil, // arithProbes
	"Process Substitution": {
		{Key: "syntax <(", Script: "cat <(echo hi)\n"},
		{Key: "syntax >(", Script: "echo hi > >(cat)\nwait\n"},
	},
	"Word Splitting": {
		{Key: "syntax split", Script: "v='a  b'\nset -- $v\necho \"$#\"\n"},
		{Key: "assign local-split", Script: "v='a b'\nf() { local x=$v; echo \"[$x]\"; }\nf\n"},
		{Key: "assign export-split", Script: "v='a b'\nexport x=$v\necho \"[$x]\"\n"},
	},
	"Pathname Expansion": {
		{Key: "syntax glob", Script: "touch a.x b.x\necho *.x ?.x [ab].x\n"},
		{Key: "syntax glob [!]", Script: "touch a.x b.x\necho [!a].x\n"},
		{Key: "syntax glob [^]", Script: "touch a.x b.x\necho [^a].x\n"},
		{Key: "syntax glob [[:class:]]", Script: "touch a.x 1.x\necho [[:digit:]].x\n"},
		{Key: "syntax glob nomatch", Script: "echo *.none\n"},
		{Key: "syntax extglob", Script: "case x in @(x|y)) echo match;; *) echo no;; esac\n"},
		{Key: "syntax extglob !(", Script: "touch a.x b.y\necho !(*.x)\n"},
		{Key: "syntax **", Script: "mkdir -p a/b\ntouch a/b/c.x\necho **/*.x\n"},
	},
	"Quote Removal": {
		{Key: "syntax $'", Script: "printf '%s\\n' $'a\\tb'\n"},
		{Key: "syntax $\"", Script: "echo $\"hi\"\n"},
	},
}

// dollarQuoteEscapes are the escapes of $'...' in QUOTING.
var dollarQuoteEscapes = map[string]string{
	`\a`: `\a`, `\b`: `\b`, `\e`: `\e`, `\E`: `\E`, `\f`: `\f`, `\n`: `\n`, `\r`: `\r`, `\t`: `\t`, `\v`: `\v`,
	`\\`: `\\`, `\'`: `\'`, `\"`: `\"`, `\?`: `\?`, `\nnn`: `\101`, `\xHH`: `\x41`, `\uHHHH`: `\u00e9`,
	`\UHHHHHHHH`: `\U0001F600`, `\cx`: `\ca`,
}

func quotingProbes() []surfaceProbe {
	var ps []surfaceProbe
	for name, esc := range dollarQuoteEscapes {
		ps = append(ps, surfaceProbe{Key: "quote $'" + name + "'", Script: "printf '%s' $'<" + esc + ">' | od -An -c\n"})
	}
	return ps
}

// printfProbes: the conversions and escapes of printf, builtin in both shells.
var printfProbes = []surfaceProbe{
	{Key: "printf %q", Script: "printf '%q\\n' 'a b'\n"},
	{Key: "printf %b", Script: "printf '%b\\n' 'a\\tb'\n"},
	{Key: "printf %(fmt)T", Script: "printf '%(%Y)T\\n' 0 | cut -c1-2\n"},
	{Key: "printf %s", Script: "printf '%s-%s\\n' a b c\n"},
	{Key: "printf %d", Script: "printf '%d %i %05d\\n' 42 7 3\n"},
	{Key: "printf %d 'c", Script: "printf '%d\\n' \"'A\"\n"},
	{Key: "printf %x", Script: "printf '%x %X %o\\n' 255 255 8\n"},
	{Key: "printf %f", Script: "printf '%.2f %e %g\\n' 3.14159 1000 0.5\n"},
	{Key: "printf %c", Script: "printf '%c\\n' abc\n"},
	{Key: "printf %*d", Script: "printf '%*d|\\n' 5 42\n"},
	{Key: "printf %'d", Script: "printf \"%'d\\n\" 1234567\n"},
	{Key: "printf %-s", Script: "printf '%-5s|\\n' ab\n"},
	{Key: "printf \\u", Script: "printf '\\u00e9\\n' | od -An -c\n"},
	{Key: "printf \\e", Script: "printf '\\e' | od -An -c\n"},
	{Key: "printf \\x", Script: "printf '\\x41\\n'\n"},
	{Key: "printf \\0nnn", Script: "printf '\\0101\\101\\n'\n"},
	{Key: "printf \\c", Script: "printf '%b' 'a\\cb'\necho\n"},
	{Key: "printf reuse", Script: "printf '%s\\n' a b c\n"},
	{Key: "printf missing", Script: "printf '%s|%d|\\n'\n"},
	{Key: "printf bad-number", Script: "printf '%d\\n' abc\n" + rc},
	{Key: "printf --", Script: "printf -- '-%s\\n' a\n"},
}

// echoProbes: escapes that echo -e interprets.
var echoProbes = []surfaceProbe{
	{Key: "echo -e \\e", Script: "echo -e 'a\\eb' | od -An -c\n"},
	{Key: "echo -e \\x", Script: "echo -e 'a\\x41b'\n"},
	{Key: "echo -e \\u", Script: "echo -e '\\u00e9' | od -An -c\n"},
	{Key: "echo -e \\0nnn", Script: "echo -e '\\0101'\n"},
	{Key: "echo -e \\c", Script: "echo -e 'a\\cb'\necho\n"},
	{Key: "echo escapes", Script: "echo 'a\\tb\\nc'\n"},
	{Key: "echo -n", Script: "echo -n a\necho b\n"},
	{Key: "echo --", Script: "echo -- a\n"},
	{Key: "echo -ne", Script: "echo -ne 'a\\tb\\n'\n"},
}

// trapProbes: the signal specifications trap takes.
var trapProbes = []surfaceProbe{
	{Key: "trap ERR", Script: "trap 'echo trapped' ERR\nfalse\necho end\n"},
	{Key: "trap DEBUG", Script: "trap 'echo dbg' DEBUG\ntrue\necho end\n"},
	{Key: "trap RETURN", Script: "trap 'echo ret' RETURN\nf() { :; }\nf\necho end\n"},
	{Key: "trap EXIT", Script: "trap 'echo bye' EXIT\necho end\n"},
	{Key: "trap 0", Script: "trap 'echo bye' 0\necho end\n"},
	{Key: "trap SIGNAME", Script: "trap 'echo usr' SIGUSR1\nkill -USR1 $$\necho end\n"},
	{Key: "trap NAME", Script: "trap 'echo usr' USR1\nkill -USR1 $$\necho end\n"},
	{Key: "trap number", Script: "trap 'echo usr' 10\nkill -USR1 $$\necho end\n"},
	{Key: "trap -", Script: "trap 'echo bye' EXIT\ntrap - EXIT\necho end\n"},
	{Key: "trap ''", Script: "trap '' USR1\nkill -USR1 $$\necho end\n"},
	{Key: "trap exit-in-function", Script: "f() { trap 'echo bye' EXIT; }\nf\necho end\n"},
	{Key: "trap subshell", Script: "trap 'echo bye' EXIT\n(echo sub)\necho end\n"},
	{Key: "kill -SIGNAME", Script: "trap 'echo usr' USR1\nkill -SIGUSR1 $$\necho end\n"},
}

// appletFixture is where every applet probe starts: files with fixed
// contents and times, so that the two hosts can be compared.
const appletFixture = "printf 'b 2\\na 10\\nc 1\\na 10\\n' > in.txt\nmkdir d\nprintf 'x\\n' > d/f\nln -s in.txt l\n" +
	"touch -h -d '2001-02-03 04:05:06' in.txt d/f d l\n"

// maskNumbers hides the values that differ from one host or moment to
// the next (sizes, counts, times) and keeps their format: each run of
// digits becomes N, and the points, commas and units between them stay,
// so that du -h's 40.0K (BusyBox) and 40K (GNU) differ while 40K and 44K
// do not. A probe of free, du or stat compares number formats, units,
// columns and words.
const maskNumbers = "sed 's/[0-9][0-9]*/N/g'"

// appletTemplates run one applet as scripts do; {opt} is replaced by an
// option of the GNU tool or by nothing for the baseline. The numbers
// that applets reporting on the host print (free, du, stat, uname) are
// masked, with pipefail so that the status stays the applet's; df, ps, id
// and mktemp print rows or names that only the host decides, under a
// header that is a label for people, and are judged by their status.
var appletTemplates = map[string]string{
	"base64":   "base64 {opt} in.txt\n",
	"basename": "basename {opt} /a/b.txt .txt\n",
	"cat":      "cat {opt} in.txt\n",
	"chmod":    "chmod {opt} 600 in.txt\nls -l in.txt | cut -c1-10\n",
	"chown":    "chown {opt} 0:0 in.txt\n",
	"cmp":      "printf 'b 2\\n' > o.txt\ncmp {opt} in.txt o.txt\n",
	"comm":     "sort in.txt > s1\nprintf 'a 10\\nz\\n' > s2\ncomm {opt} s1 s2\n",
	"cp":       "cp {opt} in.txt d/c.txt\nls d\n",
	"cut":      "cut {opt} -d' ' -f1 in.txt\n",
	"date":     "date -u -d @86400 {opt}\n",
	"df":       "df {opt} . >/dev/null\n",
	"diff":     "printf 'b 2\\nz\\n' > o.txt\ntouch -d '2001-02-03 04:05:06' o.txt\ndiff {opt} in.txt o.txt\n",
	"dirname":  "dirname {opt} /a/b/c\n",
	"du":       "head -c 40000 /dev/zero > d/big\nset -o pipefail\ndu {opt} d | " + maskNumbers + "\n",
	"env":      "env {opt} printf '%s\\n' ok\n",
	"expand":   "printf 'a\\tb\\n' | expand {opt}\n",
	"fold":     "echo abcdefghij | fold {opt}\n",
	"free":     "set -o pipefail\nfree {opt} | " + maskNumbers + "\n",
	"grep":     "grep {opt} a in.txt\n",
	"gzip":     "gzip {opt} -c in.txt | gzip -dc\n",
	"head":     "head {opt} in.txt\n",
	"id":       "id {opt} >/dev/null\n",
	"install":  "install {opt} in.txt d/i.txt\nls d\n",
	"ln":       "ln {opt} in.txt d/ln.txt\nls d\n",
	"ls":       "ls {opt} d\n",
	"md5sum":   "md5sum {opt} in.txt\n",
	"mkdir":    "mkdir {opt} n\nls -d n\n",
	"mktemp":   "mktemp {opt} >/dev/null\n",
	"mv":       "mv {opt} in.txt d/m.txt\nls d\n",
	"nice":     "nice {opt} true\n",
	"nl":       "nl {opt} in.txt\n",
	"nohup":    "nohup {opt} true\n",
	"nproc":    "set -o pipefail\nnproc {opt} | " + maskNumbers + "\n",
	"od":       "od {opt} in.txt\n",
	"paste":    "paste {opt} in.txt in.txt\n",
	// Which column holds the pid: what a script that picks a pid out
	// of ps's output reads (the rows are the host's own). ps's status
	// is not compared: it says whether a process matched (ps -C cat),
	// which depends on what else runs on the machine at that moment.
	"ps":        "ps {opt} | awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == \"PID\") print \"pid column\", i }'\n",
	"readlink":  "readlink {opt} l\n",
	"realpath":  "realpath {opt} l | sed 's,.*/,,'\n",
	"rm":        "rm {opt} in.txt\nls\n",
	"rmdir":     "mkdir -p e/f\nrmdir {opt} e/f\nls\n",
	"sed":       "sed {opt} -e 's/a/A/' in.txt\ncat in.txt\n",
	"seq":       "seq {opt} 1 3\n",
	"sha1sum":   "sha1sum {opt} in.txt\n",
	"sha256sum": "sha256sum {opt} in.txt\n",
	"shuf":      "shuf {opt} in.txt | wc -l\n", // which lines, and their order, are random
	"sleep":     "sleep {opt} 0\n",
	"sort":      "sort {opt} in.txt\n",
	"split":     "split {opt} in.txt part\nls\n",
	"stat":      "set -o pipefail\nstat {opt} in.txt | " + maskNumbers + "\n",
	"tac":       "tac {opt} in.txt\n",
	"tail":      "tail {opt} in.txt\n",
	"tar":       "tar {opt} -cf a.tar in.txt\ntar -tf a.tar\n",
	"tee":       "echo x | tee {opt} o.txt\ncat o.txt\n",
	"timeout":   "timeout {opt} 5 true\n",
	"touch":     "touch {opt} in.txt\nls\n",
	"tr":        "echo 'abc 123' | tr {opt} 'a-c' 'x-z'\n",
	"truncate":  "truncate {opt} in.txt\nwc -c < in.txt\n",
	"uname":     "set -o pipefail\nuname {opt} | sed \"s/$(uname -n)/HOST/g\" | " + maskNumbers + "\n",
	"uniq":      "uniq {opt} in.txt\n",
	"wc":        "wc {opt} in.txt\n",
	"which":     "set -o pipefail\nwhich {opt} sh | sed 's,.*/,,'\n",
	"xargs":     "printf 'a b\\nc\\n' | xargs {opt} echo\n",
	"flock":     "flock {opt} lockf true\n",
}

// appletSkip are options never run: they set the clock, follow forever,
// or need a terminal.
var appletSkip = map[string]bool{
	"date -s": true, "date --set": true, "tail -f": true, "tail --follow": true, "tail -F": true,
	"tail --retry": true, "tail --pid": true, "tail -s": true, "tail --sleep-interval": true,
	"xargs -p": true, "xargs --interactive": true, "xargs -o": true, "xargs --open-tty": true,
	"rm -i": true, "rm -I": true, "cp -i": true, "mv -i": true, "ln -i": true,
	"rm --interactive": true, "cp --interactive": true, "mv --interactive": true, "ln --interactive": true,
	"shuf -r": true, "shuf --repeat": true, "free -s": true, "free --seconds": true,
	"free -c": true, "free --count": true,
}

// appletValues are the values of options whose metavariable says too
// little: "x" is a valid date for GNU (a military time zone).
var appletValues = map[string]string{
	"date -d": "@0", "date --date": "@0", "touch -d": "'2001-02-03 04:05:06'", "touch --date": "'2001-02-03 04:05:06'",
	"date -r": "in.txt", "date --reference": "in.txt", "touch -r": "d/f", "touch --reference": "d/f",
}

// gnuValues are values for the metavariables of GNU --help.
var gnuValues = map[string]string{
	"NUM": "2", "N": "2", "[-]NUM": "2", "[+]NUM": "2", "KEYDEF": "1", "SEP": "' '", "FILE": "in.txt",
	"DIR": "d", "DIRECTORY": "d", "SIZE": "1", "LIST": "1", "MODE": "644", "STRING": "x", "STR": "x",
	"TEXT": "x", "PREFIX": "x", "SUFFIX": ".bak", "CHARS": "x", "DELIM": "' '", "CHARACTER": "' '",
	"PATTERN": "a", "PATTERNS": "a", "REGEX": "a", "GLOB": "x", "WIDTH": "5", "COLS": "5",
	"COLUMNS": "5", "DURATION": "1", "SIGNAL": "TERM", "FORMAT": "'%s'", "FMT": "'%s'", "PROG": "gzip",
	"COMMAND": "cat", "OWNER": "root", "GROUP": "root", "BYTES": "2", "LINES": "2", "TAB": "2",
	"TABS": "2", "CHUNKS": "2", "TYPE": "f", "WORD": "x", "NAME": "x", "VARIABLE": "x",
	"STYLE": "a", "SECS": "1", "PERIOD": "1", "MAX-ARGS": "1", "MAX-LINES": "1", "MAX-PROCS": "1",
	"MAX-CHARS": "100", "REPLACE": "'{}'", "EOF-STR": "x", "COUNT": "1", "WHEN": "always",
	"DATE": "@0", "TIMESPEC": "seconds", "FIELDS": "1", "NUMBER": "2", "STAMP": "200101010000",
	"PERMS": "644", "NUL": "", "LEVEL": "1", "KEY": "x", "RANGE": "1",
}

// The value is "=VALUE", " VALUE" or, in util-linux's help, " <value>".
var gnuHelpLine = regexp.MustCompile(`^\s+(-[A-Za-z0-9])?(?:, )?(--[A-Za-z0-9-]+)?(\[?=\S+|\s[A-Z][A-Z_\[\]+-]*|\s<[a-z][a-z_-]*>)?`)

// reports is what the help of an option says when the option only
// reports what the tool does: "explain what is being done", "print a
// message for each created directory", "output a diagnostic for every
// file processed", "verbose mode".
var reports = regexp.MustCompile(`(?i)(verbos|explain what is being done|print a message|diagnos|print (the )?name of each|print commands before)`)

// fullHelp are the GNU tools whose --help lists only some options (or
// none), with the arguments that list them all.
var fullHelp = map[string][]string{"ps": {"--help", "all"}}

// shortAlias is a help line that names two short options for one.
var shortAlias = regexp.MustCompile(`^\s+-[A-Za-z0-9], (-[A-Za-z0-9])\s`)

// gnuOpt is one option of a GNU tool's --help.
type gnuOpt struct {
	Name, Value string
	// Informational: its description says it only reports.
	Informational bool
}

// gnuOptionsWithValues reads the options of a GNU tool's --help with the
// value each takes (empty for none) and what its description says.
func gnuOptionsWithValues(name string) []gnuOpt {
	help := []string{"--help"}
	if h, ok := fullHelp[name]; ok {
		help = h
	}
	out, _ := exec.Command(name, help...).CombinedOutput() // a missing tool has no options to offer
	var opts []gnuOpt
	seen := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n") {
		m := gnuHelpLine.FindStringSubmatch(line)
		if m == nil || m[1] == "" && m[2] == "" {
			continue
		}
		value := ""
		if v := strings.TrimSpace(m[3]); v != "" && !strings.HasPrefix(v, "[=") {
			v = strings.TrimPrefix(v, "=")
			if strings.HasPrefix(v, "<") {
				v = strings.ToUpper(strings.Trim(v, "<>"))
			}
			if gv, ok := gnuValues[v]; ok {
				value = gv
			} else {
				value = "x"
			}
		}
		// The description starts after the first run of two blanks.
		desc := ""
		if _, d, ok := strings.Cut(line[len(m[0]):], "  "); ok {
			desc = strings.TrimSpace(d)
		}
		names := []string{m[1], m[2]}
		if a := shortAlias.FindStringSubmatch(line); a != nil {
			names = append(names, a[1]) // ps: "-A, -e  all processes"
		}
		for _, o := range names {
			if o == "" || o == "--help" || o == "--version" || seen[o] {
				continue
			}
			seen[o] = true
			opts = append(opts, gnuOpt{Name: o, Value: value, Informational: reports.MatchString(desc)})
		}
	}
	return opts
}

// readsFiles are the applets whose templates read in.txt (and o.txt, s1,
// s2) without changing them: each is probed once more with the files
// given as process substitutions, pipes the applet cannot seek or stat.
var readsFiles = map[string][]string{
	"base64": {"in.txt"}, "cat": {"in.txt"}, "cmp": {"in.txt", "o.txt"}, "comm": {"s1", "s2"},
	"cut": {"in.txt"}, "diff": {"in.txt", "o.txt"}, "grep": {"in.txt"}, "gzip": {"in.txt"},
	"head": {"in.txt"}, "md5sum": {"in.txt"}, "nl": {"in.txt"}, "od": {"in.txt"},
	"paste": {"in.txt"}, "sha1sum": {"in.txt"}, "sha256sum": {"in.txt"}, "shuf": {"in.txt"},
	"sort": {"in.txt"}, "tac": {"in.txt"}, "tail": {"in.txt"}, "uniq": {"in.txt"}, "wc": {"in.txt"},
}

// withProcessSubstitution gives the files that the applet's line of a
// template (the one with {opt}) reads as <(cat FILE).
func withProcessSubstitution(tmpl string, files []string) string {
	lines := strings.Split(tmpl, "\n")
	for i, l := range lines {
		if !strings.Contains(l, "{opt}") {
			continue
		}
		for _, f := range files {
			l = regexp.MustCompile(`(^|\s)`+regexp.QuoteMeta(f)+`(\s|$)`).ReplaceAllString(l, "${1}<(cat "+f+")${2}")
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// appletProbes: each applet of the host alone (the baseline) and with
// each option its GNU tool has.
func appletProbes(hostApplets map[string]*appletSpec) []surfaceProbe {
	var names []string
	for name := range hostApplets {
		if _, ok := appletTemplate(name); ok {
			if _, err := exec.LookPath(name); err == nil {
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	var ps []surfaceProbe
	for _, name := range names {
		t, _ := appletTemplate(name)
		tmpl := appletFixture + t
		ps = append(ps, surfaceProbe{Key: "applet " + name, Script: withoutOption(tmpl) + rc, Group: name})
		if files, ok := readsFiles[name]; ok {
			ps = append(ps, surfaceProbe{Key: "applet " + name + " <(", Script: withoutOption(withProcessSubstitution(tmpl, files)) + rc, Group: name})
		}
		for _, g := range gnuOptionsWithValues(name) {
			o, v := g.Name, g.Value
			if appletSkip[name+" "+o] {
				continue
			}
			if ov, ok := appletValues[name+" "+o]; ok {
				v = ov
			}
			opt := o
			if v != "" {
				if strings.HasPrefix(o, "--") {
					opt += "=" + v
				} else {
					opt += " " + v
				}
			}
			ps = append(ps, surfaceProbe{Key: "applet " + name + " " + o, Script: strings.Replace(tmpl, "{opt}", opt, 1) + rc, Group: name, TakesValue: v != "", Informational: g.Informational})
		}
	}
	return ps
}

// allSurfaceProbes is the whole generated set, sorted by key; keys are unique.
func allSurfaceProbes(t testing.TB) []surfaceProbe {
	t.Helper()
	var ps []surfaceProbe
	ps = append(ps, builtinProbes(manualBuiltins(t))...)
	ps = append(ps, shoptProbes(manualShopt(t))...)
	ps = append(ps, setOptionProbes(manualSetOptions(t))...)
	ps = append(ps, variableProbes(manualVariables(t))...)
	ps = append(ps, paramProbes...)
	for _, form := range manualParamForms(t) {
		if op, ok := strings.CutPrefix(form, "${parameter@"); ok && op != "operator}" {
			op = strings.TrimSuffix(op, "}")
			ps = append(ps, surfaceProbe{Key: "param ${p@" + op + "}", Script: fmt.Sprintf(paramOperatorProbe, op)})
		}
	}
	ps = append(ps, arithProbes(manualArithOperators(t))...)
	ps = append(ps, testProbes(manualTestOperators(t))...)
	for _, title := range manualRedirections(t) {
		ps = append(ps, redirectionProbes[title]...)
	}
	for _, sh := range []string{"SHELL GRAMMAR", "EXPANSION"} {
		for _, title := range manualSubsections(t, sh) {
			ps = append(ps, grammarProbes[title]...)
		}
	}
	ps = append(ps, letForms...)
	ps = append(ps, aliasForms...)
	ps = append(ps, quotingProbes()...)
	ps = append(ps, printfProbes...)
	ps = append(ps, echoProbes...)
	ps = append(ps, trapProbes...)
	ps = append(ps, appletProbes(parseApplets(appletsHelp))...)
	ps = append(ps, situationProbes(parseApplets(appletsHelp))...)
	ps = append(ps, findProbes()...)
	ps = append(ps, wordCommandProbes()...)
	seen := map[string]bool{}
	out := ps[:0]
	for _, p := range ps {
		if !seen[p.Key] {
			seen[p.Key] = true
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b surfaceProbe) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// wordCommandProbes: each command of wordCommands in a substitution, on
// a file of two lines; the probe prints how many words the value split
// into and whether it was empty (oneWordProbe when it is one word).
func wordCommandProbes() []surfaceProbe {
	var ps []surfaceProbe
	for _, form := range wordCommands {
		cmd := strings.Replace(form, "<", "< f", 1)
		if strings.HasPrefix(form, "stat ") {
			cmd += " f"
		}
		ps = append(ps, surfaceProbe{Key: "word $(" + form + ")",
			Script: "printf 'a b\\nc\\n' > f\nv=$(" + cmd + ")\nset -- $v\necho \"words=$# empty=${v:+no}\"\n"})
	}
	return ps
}
