package ash

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestFormKeys: the shell's own forms whose probes show a difference are
// named by their keys where a script uses them, and only there.
func TestFormKeys(t *testing.T) {
	for _, tt := range []struct {
		src, key string
		want     bool
	}{
		// "--" before a builtin's operands: local and several more take
		// it as an operand under ash.
		{"f() { local -- v=1; }", "builtin local --", true},
		{"f() { local v=1; }", "builtin local --", false},
		{"shift -- 2", "builtin shift --", true},
		{"eval -- 'echo hi'", "builtin eval --", true},
		{"getopts -- ab o", "builtin getopts --", true},
		{"set -- a b", "builtin set --", true},
		{"cd /tmp -- x", "builtin cd --", false},
		// let's arguments: unquoted parentheses are bash's arithmetic and
		// ash's syntax error.
		{"let x=(${1}*100/${2})/100", "syntax let (", true},
		{"let y=x+1 z=(y*2)", "syntax let (", true},
		{"let \"x=(1+2)*3\"", "syntax let (", false},
		{"let 'x=(1+2)*3'", "syntax let \"(\"", true},
		{"let x=$((1+2))*3", "syntax let (", false},
		{"let x=1 y=2", "syntax let a b", true},
		// name=( as a word of the declaration builtins is an array to bash.
		{"f() { local a=(1 2); }", "assign a=(", true},
		{"declare -a a=(x)", "assign a=(", true},
		{"export a=(x)", "assign a=(", true},
		{"readonly a=(x)", "assign a=(", true},
		{"export a=\"(x)\"", "assign a=(", false},
		// A word alone in [[ ]]: ash splits an expansion there too.
		{"if [[ $(mount -v | grep x) ]]; then :; fi", "[[ $(cmd) alone", true},
		{"[[ ! $(ls) ]]", "[[ $(cmd) alone", true},
		{"[[ -f x && $v ]]", "[[ $unquoted alone", true},
		{"[[ -n $(ls) ]]", "[[ $(cmd) alone", false},
		{"v=one\n[[ $v ]]", "[[ $unquoted alone", false},
		{"[[ \"$v\" ]]", "[[ $unquoted alone", false},
		{"[[ $((n+1)) ]]", "[[ $unquoted alone", false},
		// A backslash in an unquoted regex is the regex's under bash.
		{"[[ $l =~ ^\\[.*\\]$ ]]", "[[ =~ \\special", true},
		{"[[ $ip =~ ^[0-9]+\\.[0-9]+$ ]]", "[[ =~ \\special", true},
		{"[[ $l =~ a\\ b ]]", "[[ =~ \\blank", true},
		{"[[ $l =~ ^a.c$ ]]", "[[ =~ \\special", false},
		{"[[ $l =~ \"a\\.c\" ]]", "[[ =~ \\special", false},
		// Aliases: bash expands them in scripts only after shopt -s
		// expand_aliases; ash always.
		{"alias rm='move2Trash'\nrm x", "syntax alias-use", true},
		{"alias ll='ls -l'\nll", "syntax alias-use", true},
		{"shopt -s expand_aliases\nalias ll='ls -l'\nll", "syntax alias-use", false},
		{"shopt -s expand_aliases\nalias ll='ls -l'\nll", "syntax alias-use expand_aliases", true},
		{"f() { :; }\nalias f='echo a'\nf", "syntax alias-use function", true},
		{"alias ll='ls -l'\nls", "syntax alias-use", false},
		// [[ ]] reads a bare name as a variable in bash; ash wants a number.
		{"i=2\n[[ i -gt 1 ]]", "[[ -eq name", true},
		{"[[ n+1 -eq 2 ]]", "[[ -eq name", true},
		{"[[ $i -gt 1 ]]", "[[ -eq name", false},
		{"[[ 10 -gt -1 ]]", "[[ -eq name", false},
		{"[[ i == 1 ]]", "[[ -eq name", false},
		// time reports where the timed command's stderr goes under ash.
		{"time mkswap f 2>/dev/null", "syntax time 2>", true},
		{"time mkswap f &>/dev/null", "syntax time 2>", true},
		{"time -p mkswap f 2>/dev/null", "syntax time -p 2>", true},
		{"time mkswap f >/dev/null 2>&1", "syntax time 2>&1", true},
		{"time a 2>/dev/null | b", "syntax time 2>", true},
		{"time a | b", "syntax time |", true},
		{"{ time mkswap f; } 2>/dev/null", "syntax time 2>", false},
		{"time mkswap f >out", "syntax time 2>", false},
		// ${p?w} differs in the status of its failure only: judged where
		// the parameter may be unset and the number is read.
		{"(: \"${none:?gone}\") 2>/dev/null\necho \"rc=$?\"", "param ${p:?w}", true},
		{"x=${1:?usage}\necho \"$x\"", "param ${p:?w}", false},
		{"x=${1?usage}\necho $?", "param ${p?w}", true},
		{"set -- a b\nx=${2?usage}\necho $?", "param ${p?w}", false},
		{"v=x\n(: \"${v:?m}\")\necho $?", "param ${p:?w}", false},
		{"v=\n(: \"${v:?m}\")\necho $?", "param ${p:?w}", true},
		{"f() { : \"${1:?m}\"; }\nf a\n(f) || echo \"$?\"", "param ${p:?w}", true},
		{"f() { : \"${1:?m}\"; }\nf a\n(f b) || echo \"$?\"", "param ${p:?w}", false},
		{"[ $# -ge 1 ] || exit 1\n(: \"${1:?m}\")\necho $?", "param ${p:?w}", false},
		{"[ -z \"$1\" ] && exit 1\n(: \"${1:?m}\")\necho $?", "param ${p:?w}", false},
		{"if [ $# -lt 2 ]; then echo usage; exit 1; fi\n(: \"${2:?m}\")\necho $?", "param ${p:?w}", false},
		{"if [ -n \"$1\" ]; then (: \"${1:?m}\"); echo $?; fi", "param ${p:?w}", false},
		{"[ $# -ge 1 ] || exit 1\n(: \"${2:?m}\")\necho $?", "param ${p:?w}", true},
		// ps's options: BusyBox takes -e and -f, and prints the pid first.
		{"ps -ef | awk '{print $2}'", "applet ps -f", true},
		{"ps -e | grep -c x", "applet ps -e", true},
		// brace expansion in every position a word takes: bash expands
		// the arguments of its declaring builtins only.
		{"export {HTTP,HTTPS}_PROXY=h:1", "syntax {a,b} export", true},
		{"export HTTP_PROXY=h:1", "syntax {a,b} export", false},
		{"readonly {A,B}=1", "syntax {a,b} readonly", true},
		{"f() { local {a..c}_x; }", "syntax {a,b} local", true},
		{"v=pre{a,b}", "syntax {a,b} v=", true},
		{"export V=pre{a,b}", "syntax {a,b} v=", true},
		{"[[ $v == {a,b} ]]", "syntax {a,b} [[", true},
		{"case $v in {a,b}) :;; esac", "syntax {a,b} case", true},
		{"case $v in a|b) :;; esac", "syntax {a,b} case", false},
		// return outside a function: a sourced file (no #!) returns, a
		// script that is run returns from ash and not from bash; only
		// where the return is reached on every path.
		{"#!/bin/sh\nx=1\nreturn 3", "syntax return-top", true},
		{"#!/bin/sh\n[ $t -ge 1 ] && return $t || return 0", "syntax return-top", true},
		{"#!/bin/sh\n[ -z \"$1\" ] && return 0\necho", "syntax return-top", false},
		{"#!/bin/sh\nif [ ! -d /run ]; then return 1; fi", "syntax return-top", false},
		{"x=1\nreturn 3", "syntax return-top", false},
		{"x=1\nreturn 3", "syntax return-in-source", true},
		{"#!/bin/sh\nf() { return 3; }", "syntax return-top", false},
		{"#!/bin/sh\n(return 0 2>/dev/null) && s=1", "syntax return-top ( )", true},
		{"f() { return -1; }", "syntax return -N", true},
		{"exit 300", "syntax exit N>255", true},
		{"exit 3", "syntax exit N>255", false},
		// find's primaries by the class of their value
		{"find . -size 20 -type f", "applet find -size N", true},
		{"find . -size +2k", "applet find -size +Nk", true},
		{"find . -size 100c", "applet find -size Nc", true},
		{"find . -size \"${n}k\"", "applet find -size Nk", false}, // its sign is known at run time
		{"find . -mtime +$days", "applet find -mtime +N", true},
		{"find . -exec grep -size 20 {} +", "applet find -size N", false},
		// a bash variable read through a default that computes its value
		{"[[ ${EUID:-$(id -u)} -ne 0 ]]", "var EUID :-$(id -u)", true},
		{"[[ ${EUID:-$(id -u)} -ne 0 ]]", "var EUID", false},
		{"[[ ${EUID:-0} -ne 0 ]]", "var EUID", true},
		{"d=$(dirname \"${BASH_SOURCE:-$0}\")", "var BASH_SOURCE :-$0", true},
		// OPTARG tested for being set
		{"echo \"${OPTARG-none}\"", "var OPTARG unset", true},
		{"echo \"${OPTARG:-none}\"", "var OPTARG unset", false},
	} {
		got := slices.Contains(scriptKeys([]byte(tt.src)), tt.key)
		if got != tt.want {
			t.Errorf("%q: key %q named %v, want %v (keys %q)", tt.src, tt.key, got, tt.want, scriptKeys([]byte(tt.src)))
		}
	}
}

// TestFormsJudged: what the analyzer reports for those forms.
func TestFormsJudged(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want []string // "line:col rule severity", info left out
	}{
		{"for i in 1 2; do if [[ i -gt 1 ]]; then echo more; fi; done\n", []string{"1:24 test-operator error"}},
		{"time mkswap f >/dev/null 2>&1\n", []string{"1:27 shell-syntax warning"}},
		{"{ time mkswap f; } 2>/dev/null\n", nil},
		{"x=${1:?usage: x FILE}\necho \"$x\"\n", nil},
		// BusyBox ps takes -e and -f (its help lists neither), and the pid
		// is not the second column.
		{"ps -ef | grep java | awk '{print $2}'\n", []string{"1:4 applet-option warning"}},
		{"ps -x\n", []string{"1:4 gnu-option error"}},
		// What find -exec runs is judged as a command.
		{"find . -type f -exec du -hs {} \\; | sort -h\n", []string{"1:25 applet-option warning"}},
		// A signal to the shell itself (its trap runs) is no job's.
		{"trap 'echo hup' HUP\nkill -1 $$\nkill -HUP \"$PPID\"\n", nil},
		{"sleep 9 &\nkill -1 $!\n", []string{"2:6 builtin-option warning"}},
	} {
		var got []string
		for _, f := range Analyze("x.sh", []byte(tt.src)) {
			if f.Severity != SeverityInfo {
				got = append(got, strings.Join([]string{strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Col), f.Rule, string(f.Severity)}, " "))
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Analyze(%q)\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}
