package ash

// The judgement of a probe, on outcomes written by hand: each case is a
// rule of docs/ash.md ("Severity means consequence").

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

func TestJudgeShell(t *testing.T) {
	const notice = "/tmp/p0001: line 3: 4242 Killed                  sleep 3\n"
	cases := []struct {
		name      string
		ash, bash Outcome
		want      Severity
	}{
		{"same", Outcome{Stdout: "a\nrc=0\n"}, Outcome{Stdout: "a\nrc=0\n"}, SeverityInfo},
		{"other output", Outcome{Stdout: "b c d\n"}, Outcome{Stdout: "pha be\n"}, SeverityWarning},
		{"other printed status", Outcome{Stdout: "rc=127\n"}, Outcome{Stdout: "rc=0\n"}, SeverityError},
		{"ash complains", Outcome{Stdout: "rc=0\n", Stderr: "sh: bad substitution\n"}, Outcome{Stdout: "rc=0\n"}, SeverityError},
		{"ash aborts", Outcome{Exit: 2}, Outcome{Stdout: "x\n"}, SeverityError},
		{"ash hangs", Outcome{Exit: 137}, Outcome{}, SeverityError},
		{"bash rejects the probe", Outcome{Stdout: "aliased\nrc=0\n"}, Outcome{Stdout: "rc=127\n", Stderr: "ll: command not found\n"}, SeverityInfo},
		{"bash hangs", Outcome{}, Outcome{Exit: 137}, SeverityInfo},
		{"job notice only from bash", Outcome{Stdout: "rc=0\n"}, Outcome{Stdout: "rc=0\n", Stderr: notice}, SeverityWarning},
		{"job notices from both", Outcome{Stdout: "rc=0\n", Stderr: "Killed\n"}, Outcome{Stdout: "rc=0\n", Stderr: notice}, SeverityInfo},
		{"descriptor numbers", Outcome{Stdout: "x  /dev/fd/64\n"}, Outcome{Stdout: "x  /dev/fd/63\n"}, SeverityInfo},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got, _ := judgeShell(compare(c.ash, c.bash), c.ash.Exit, c.bash.Exit); got != c.want {
				t.Errorf("judgeShell = %s, want %s (%+v)", got, c.want, compare(c.ash, c.bash))
			}
		})
	}
}

func TestJudgeApplet(t *testing.T) {
	cases := []struct {
		name      string
		probe     surfaceProbe
		ash, bash Outcome
		want      Severity
	}{
		{"GNU fails too", surfaceProbe{Group: "sort"}, Outcome{Stdout: "rc=2\n", Stderr: "bad\n"}, Outcome{Stdout: "rc=2\n", Stderr: "bad\n"}, SeverityInfo},
		{"BusyBox lacks the option", surfaceProbe{Group: "sed"}, Outcome{Stdout: "rc=1\n", Stderr: "sed: unrecognized option: z\n"}, Outcome{Stdout: "x\nrc=0\n"}, SeverityError},
		{"diff's 1 is a result", surfaceProbe{Group: "diff"}, Outcome{Stdout: "-a\n+b\nrc=1\n"}, Outcome{Stdout: "< a\n> b\nrc=1\n"}, SeverityWarning},
		{"grep's 1 is a result, 2 a failure", surfaceProbe{Group: "grep"}, Outcome{Stdout: "rc=2\n", Stderr: "grep: unrecognized option\n"}, Outcome{Stdout: "rc=1\n"}, SeverityError},
		{"other result status", surfaceProbe{Group: "cmp"}, Outcome{Stdout: "rc=0\n"}, Outcome{Stdout: "rc=1\n"}, SeverityError},
		{"columns", surfaceProbe{Group: "ls"}, Outcome{Stdout: "-rw-r--r--    1 root     root  2 f\nrc=0\n"}, Outcome{Stdout: "-rw-r--r-- 1 root root 2 f\nrc=0\n"}, SeverityInfo},
		{"columns of a layout tool", surfaceProbe{Group: "expand"}, Outcome{Stdout: "a   b\nrc=0\n"}, Outcome{Stdout: "a       b\nrc=0\n"}, SeverityWarning},
		{"messages", surfaceProbe{Group: "mkdir", Informational: true}, Outcome{Stdout: "created directory: 'n'\nrc=0\n"}, Outcome{Stdout: "mkdir: created directory 'n'\nrc=0\n"}, SeverityInfo},
		{"messages of a failing option", surfaceProbe{Group: "mkdir", Informational: true}, Outcome{Stdout: "rc=1\n", Stderr: "unrecognized\n"}, Outcome{Stdout: "rc=0\n"}, SeverityError},
		{"status after unterminated output", surfaceProbe{Group: "du"}, Outcome{Stdout: "N\td\x00rc=0\n"}, Outcome{Stdout: "N\td\x00rc=0\n"}, SeverityInfo},
		{"GNU fails in a situation: compared", surfaceProbe{Group: "mv", Situation: true}, Outcome{Stdout: "rc=0\n"}, Outcome{Stdout: "rc=1\n", Stderr: "mv: same file\n"}, SeverityError},
		{"both fail in a situation", surfaceProbe{Group: "ln", Situation: true}, Outcome{Stdout: "rc=1\n", Stderr: "ln: exists\n"}, Outcome{Stdout: "rc=1\n", Stderr: "ln: exists\n"}, SeverityInfo},
		{"ash fails in a situation", surfaceProbe{Group: "cp", Situation: true}, Outcome{Stdout: "rc=1\n", Stderr: "cp: no\n"}, Outcome{Stdout: "rc=0\n"}, SeverityError},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got, _ := judgeApplet(c.probe, compare(c.ash, c.bash), c.ash.Exit, c.bash.Exit); got != c.want {
				t.Errorf("judgeApplet = %s, want %s (%+v)", got, c.want, compare(c.ash, c.bash))
			}
		})
	}
}

func TestLastRC(t *testing.T) {
	for out, want := range map[string]string{
		"rc=0 [x]\n":                 "0",
		"a\nrc=12\n":                 "12",
		"N\td\x00rc=0\n":             "0",
		"rc=0 [echo \"rc=$? [$B]\"]": "0",
		"-vrc=0 []\n":                "0",
		"no status\n":                "",
	} {
		if got := lastRC(out); got != want {
			t.Errorf("lastRC(%q) = %q, want %q", out, got, want)
		}
	}
}

func parse(t *testing.T, src string) *syntax.File {
	t.Helper()
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), "")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestSingleWords(t *testing.T) {
	f := parse(t, `a=x.tar.gz; b="two words"; c=; d=$(cmd); e=1; e=2; g=1; read g
for h in v1 v2; do :; done; for i in "a b"; do :; done; n=0; n=$((n + 1)); local l; p='*.log'
read -r -n 1 key; read -n1; read -n 2 two
for f in $list; do :; done; for q in "$list"; do :; done; for r in $(ls) "$x"; do :; done
H=$PWD/home; I="$HOME/a b"; USER="a b"
J=v$a; J="$J-$e"; K=$b; L=$M; N=$a$d`)
	words := singleWords(f)
	for name, want := range map[string]bool{"a": true, "b": false, "c": false, "d": false, "e": true,
		"g": false, "h": true, "i": false, "n": true, "l": false, "p": false, "unset": false,
		"key": true, "REPLY": true, "two": false, "f": true, "q": false, "r": false,
		"H": true, "I": false, "HOME": true, "PWD": true, "USER": false,
		"J": true, "K": false, "L": false, "N": false} {
		if words[name] != want {
			t.Errorf("%s: single word %v, want %v", name, words[name], want)
		}
	}
}

func TestQuietCalls(t *testing.T) {
	for src, want := range map[string]bool{
		"type f >/dev/null":         true,
		"type f >&/dev/null":        true,
		"type f &>/dev/null":        true,
		"type f 2>&1 >/dev/null":    true,
		"type f >&-":                true,
		"type f 2>/dev/null":        false,
		"type f >/dev/null >out":    false,
		"type f | grep -q function": false,
		"type f":                    false,
	} {
		quiet := quietCalls(parse(t, src))
		if (len(quiet) > 0) != want {
			t.Errorf("%q: output discarded %v, want %v", src, len(quiet) > 0, want)
		}
	}
}

func TestChecksAges(t *testing.T) {
	for src, want := range map[string]bool{
		"gzip f; find . -name '*.gz' -mtime +7":       true,
		"gzip f; ls -t | head -n 1":                   true,
		"gzip f; [[ a -nt b ]]":                       true,
		"gzip f; ls *.gz | sort":                      false,
		"find . -mtime +7 -exec gzip {} \\;":          false,
		"find . -mtime +7 -exec gzip {} \\; ; stat x": true,
		// The age check comes first: it picks the files to compress.
		"find . -mtime +1 | while read f; do gzip \"$f\"; done": false,
		"find . -mtime +30 -delete; gzip f":                     false,
		"cd logs; ls -t | tail -n +8 | xargs rm -f; gzip f":     false,
		// A later find that cannot see .gz files.
		"gzip f; find . -name '*.log' -mtime +7":  false,
		"gzip f; find . -name '*.log*' -mtime +7": true,
		// Round a loop, the check sees what the last round compressed.
		"for d in a b; do find $d -mtime +7 -delete; gzip $d/x; done": true,
	} {
		f := parse(t, src)
		var gz syntax.Pos
		syntax.Walk(f, func(n syntax.Node) bool {
			if c, ok := n.(*syntax.CallExpr); ok && strings.HasSuffix(c.Args[0].Lit(), "gzip") && !gz.IsValid() {
				gz = c.Pos()
			}
			if c, ok := n.(*syntax.CallExpr); ok && c.Args[0].Lit() == "find" && compresses(c) && !gz.IsValid() {
				gz = c.Pos()
			}
			return true
		})
		if got := ageChecks(f).seenAfter(gz); got != want {
			t.Errorf("%q: ages seen after the gzip %v, want %v", src, got, want)
		}
	}
}

// TestPositionalWords: $1... outside functions after the script's own
// `set -- plain words` are plain words; a shift, a value known at run
// time, a use before the set, a number beyond the words or a function's
// $1 are not.
func TestPositionalWords(t *testing.T) {
	tests := []struct {
		name, src string
		want      bool // the [[ ]] is reported as bracket-split
	}{
		{"set -- words", "set -- up down\n[[ $1 == up ]] && echo u\n", false},
		{"assigned from $1", "set -- 0.3.2 v0.4.0\nPREV=$1\n[[ $PREV == v* ]] || PREV=v$PREV\n", false},
		{"no set: the caller's", "[[ $1 == up ]] && echo u\n", true},
		{"beyond the words", "set -- up\n[[ $2 == up ]] && echo u\n", true},
		{"a shift", "set -- a b\nshift\n[[ $1 == b ]] && echo b\n", true},
		{"a value known at run time", "set -- $(cat f)\n[[ $1 == a ]] && echo a\n", true},
		{"a value with a blank", "set -- 'a b'\n[[ $1 == a ]] && echo a\n", true},
		{"used before the set", "[[ $1 == a ]] && echo a\nset -- a\n", true},
		{"a function's own", "set -- a\nf() { [[ $1 == a ]] && echo a; }\nf \"$x\"\n", true},
		{"two sets, fewest counts", "set -- a b\nset -- c\n[[ $2 == b ]] && echo b\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Analyze("t.sh", []byte(tt.src))
			got := slices.ContainsFunc(fs, func(f Finding) bool { return f.Rule == "bracket-split" })
			if got != tt.want {
				t.Errorf("bracket-split %v, want %v\n%v", got, tt.want, fs)
			}
		})
	}
}

// TestVariableFallbacks: a bash variable read through a default that
// computes the same value (its probe says so) is not bash-variable; one
// with any other default, or none, is.
func TestVariableFallbacks(t *testing.T) {
	for src, want := range map[string]bool{
		"[[ ${EUID:-$(id -u)} -ne 0 ]] && echo user\n": false,
		"u=${UID-$(id -ru)}\necho $u\n":                false,
		"[[ $EUID -ne 0 ]] && echo user\n":             true,
		"[[ ${EUID:-1} -ne 0 ]] && echo user\n":        true,
		"echo \"${EUID:-$(whoami)}\"\n":                true,
	} {
		got := slices.ContainsFunc(Analyze("t.sh", []byte(src)), func(f Finding) bool { return f.Rule == "bash-variable" })
		if got != want {
			t.Errorf("%q: bash-variable %v, want %v", src, got, want)
		}
	}
}

// TestOneWordCommands: a substitution of a command whose probe printed
// one non-empty word under both shells is one word in [[ ]], directly or
// through a variable; any other command, or tty (several words without a
// terminal), can split or be empty.
func TestOneWordCommands(t *testing.T) {
	for src, want := range map[string]bool{
		"[[ $(whoami) == root ]] && echo r\n":                    false,
		"n=$(wc -l < f)\n[[ $n == 0 ]] && echo none\n":           false,
		"a=$(uname -m)\n[[ $a == x86_64 ]] && echo x\n":          false,
		"[[ $(stat -c %a f) == 600 ]] && echo p\n":               false,
		"n=$(grep -c x f | wc -l)\n[[ $n == 0 ]] && echo none\n": false,
		"[[ $(cat f) == x ]] && echo x\n":                        true,
		"[[ $(tty) == x ]] && echo x\n":                          true,
		"n=$(wc -l f)\n[[ $n == 0 ]] && echo none\n":             true,
		"[[ $(id -u $who) == 0 ]] && echo r\n":                   true,
	} {
		got := slices.ContainsFunc(Analyze("t.sh", []byte(src)), func(f Finding) bool { return f.Rule == "bracket-split" })
		if got != want {
			t.Errorf("%q: bracket-split %v, want %v", src, got, want)
		}
	}
}

// TestMaskNumbersKeepsFormat: the mask of host-reporting probes hides
// values and keeps their format.
func TestMaskNumbersKeepsFormat(t *testing.T) {
	mask := func(s string) string {
		out, err := exec.Command("sh", "-c", "printf '%s' \"$1\" | "+maskNumbers, "sh", s).Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	for _, same := range [][2]string{{"40K\tdata", "44K\tdata"}, {"2.0M", "7.5M"}, {"Mem: 8012 345", "Mem: 16 7"}} {
		if mask(same[0]) != mask(same[1]) {
			t.Errorf("%q and %q masked differently: %q, %q", same[0], same[1], mask(same[0]), mask(same[1]))
		}
	}
	for _, differ := range [][2]string{{"40.0K\tdata", "40K\tdata"}, {"1,5G", "15G"}} {
		if mask(differ[0]) == mask(differ[1]) {
			t.Errorf("%q and %q masked alike: %q", differ[0], differ[1], mask(differ[0]))
		}
	}
}
