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
