package modules

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/shell"
)

func TestEditLines(t *testing.T) {
	re := regexp.MustCompile
	tests := []struct {
		name, content, line string
		re                  *regexp.Regexp
		present             bool
		want                string
	}{
		{"append", "a\n", "b", nil, true, "a\nb\n"},
		{"append to an unterminated file", "a", "b", nil, true, "a\nb\n"},
		{"append to an empty file", "", "b", nil, true, "b\n"},
		{"already there", "a\nb\nc", "b", nil, true, "a\nb\nc"},
		{"replace the last match", "#Port 1\nPort 2\nx\n", "Port 22", re(`^#?Port `), true, "#Port 1\nPort 22\nx\n"},
		{"replace an unterminated last line", "x\n#Port 1", "Port 22", re(`^#?Port `), true, "x\nPort 22"},
		{"match already right", "Port 22\n", "Port 22", re(`^Port`), true, "Port 22\n"},
		{"no match, line elsewhere", "Port 22\n", "Port 22", re(`^Listen`), true, "Port 22\n"},
		{"no match, appended", "x\n", "Port 22", re(`^Port`), true, "x\nPort 22\n"},
		{"remove equal lines", "a\nb\na\n", "a", nil, false, "b\n"},
		{"remove matches", "a=1\nb\na=2", "", re(`^a=`), false, "b\n"},
		{"remove the unterminated last line", "a\nb", "b", nil, false, "a\n"},
		{"nothing to remove", "a\n", "b", nil, false, "a\n"},
		{"carriage returns are part of lines", "a\r\n", "a", nil, true, "a\r\na\n"},
	}
	for _, tt := range tests {
		if got := editLines(tt.content, tt.line, tt.re, tt.present); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestEditConfD(t *testing.T) {
	tests := []struct {
		name, content string
		values        map[string]string
		want          string
	}{
		{"replace", "# c\nA=1\n", map[string]string{"A": "2"}, "# c\nA=2\n"},
		{"append", "# c\nA=1", map[string]string{"B": "x y"}, "# c\nA=1\nB='x y'\n"},
		{"new file", "", map[string]string{"B": "1", "A": ""}, "A=''\nB=1\n"},
		{"last assignment wins", "A=1\nA=2\n", map[string]string{"A": "3"}, "A=1\nA=3\n"},
		{"export kept", "  export A=1\n", map[string]string{"A": "2"}, "  export A=2\n"},
		{"comments are not assignments", "#A=1\n", map[string]string{"A": "1"}, "#A=1\nA=1\n"},
		{"same value, other quoting", "A=\"1\"\nB='x y' # why\nC=x\\ y\n", map[string]string{"A": "1", "B": "x y", "C": "x y"},
			"A=\"1\"\nB='x y' # why\nC=x\\ y\n"},
		{"an expansion is rewritten", "A=\"$HOME\"\n", map[string]string{"A": "$HOME"}, "A='$HOME'\n"},
		{"a prefix of another key", "AB=1\n", map[string]string{"A": "1"}, "AB=1\nA=1\n"},
		// A quoted value may span lines: the second line is not a command,
		// and a line inside a value is not an assignment.
		{"a value with a newline, converged", "GREETING='hello\ntouch /tmp/PWNED #'\n",
			map[string]string{"GREETING": "hello\ntouch /tmp/PWNED #"}, "GREETING='hello\ntouch /tmp/PWNED #'\n"},
		{"a value with a newline, replaced whole", "GREETING='hello\ntouch /tmp/PWNED #'\nX=1\n",
			map[string]string{"GREETING": "bye"}, "GREETING=bye\nX=1\n"},
		{"an assignment inside another value", "OPTS=\"--a\nGREETING=old --b\"\n",
			map[string]string{"GREETING": "new"}, "OPTS=\"--a\nGREETING=old --b\"\nGREETING=new\n"},
		{"several on one line", "A=1 B=2 # both\n", map[string]string{"B": "3"}, "A=1 B=3 # both\n"},
		{"a command's own environment is not a setting", "A=1 true\n", map[string]string{"A": "1"}, "A=1 true\nA=1\n"},
		{"not inside a function or a conditional", "f() { A=1; }\nif x; then A=1; fi\n", map[string]string{"A": "1"},
			"f() { A=1; }\nif x; then A=1; fi\nA=1\n"},
		{"an empty value", "A=\n", map[string]string{"A": ""}, "A=\n"},
		{"an empty value set", "A= # none\n", map[string]string{"A": "x"}, "A=x # none\n"},
	}
	for _, tt := range tests {
		got, err := editConfD("/etc/conf.d/x", tt.content, tt.values)
		if err != nil || got != tt.want {
			t.Errorf("%s: got %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

// TestEditConfDRefuses: a file the shell cannot read is not edited, and
// neither is one where an appended line would not set the value.
func TestEditConfDRefuses(t *testing.T) {
	for _, content := range []string{
		"OPTS=\"--a\n", // an unclosed quote
		"A=1\nfoo \\",  // ends in a line continuation
	} {
		got, err := editConfD("/etc/conf.d/x", content, map[string]string{"B": "1"})
		if err == nil || !strings.Contains(err.Error(), "/etc/conf.d/x") {
			t.Errorf("%q: got %q, %v; want an error naming the file", content, got, err)
		}
	}
}

// TestEditConfDRoundTrip edits generated conf.d files with generated
// values (quotes, newlines, $, backslashes, # and ; among them), then
// sources the result with real shells (dash, BusyBox ash, bash): every
// key must read back byte for byte, the other assignments must keep their
// values, no command in a value may run, and a second edit changes
// nothing.
func TestEditConfDRoundTrip(t *testing.T) {
	var shells [][]string
	for _, sh := range [][]string{{"dash"}, {"busybox", "sh"}, {"bash", "--posix"}} {
		if _, err := exec.LookPath(sh[0]); err == nil {
			shells = append(shells, sh)
		}
	}
	if len(shells) == 0 {
		t.Skip("no shell to source the files with")
	}
	rng := rand.New(rand.NewPCG(21, 1))
	pieces := []string{"a", "Z", " ", "\n", "\t", "'", "\"", "\\", "$", "$(touch PWNED)", "`touch PWNED`", "#", ";", "&", "|",
		"touch PWNED", "KEY=", "OTHER=1", "*", "~", "é", "\\\n", "${X}", "'\\''"}
	gen := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	keys := []string{"KEY", "OPTS", "GREETING"}
	for i := range 150 {
		// An existing file: other lines, and assignments in every quoting.
		var content strings.Builder
		existing := map[string]string{"OTHER": fmt.Sprint(i)}
		content.WriteString("# generated\nOTHER=" + fmt.Sprint(i) + "\n")
		for _, k := range keys {
			v := gen(rng.IntN(4))
			switch rng.IntN(4) {
			case 0:
				content.WriteString(k + "=" + shell.Quote(v) + "\n")
			case 1: // double quotes, over several lines if v has newlines
				dq := strings.NewReplacer("\\", "\\\\", "\"", "\\\"", "$", "\\$", "`", "\\`").Replace(v)
				content.WriteString("export " + k + "=\"" + dq + "\" # was\n")
			case 2:
				content.WriteString("X_" + k + "=1 " + k + "=" + shell.Quote(v) + "; : done\n")
			}
		}
		values := map[string]string{}
		for _, k := range keys {
			if rng.IntN(3) > 0 {
				values[k] = gen(rng.IntN(6))
			}
		}
		out, err := editConfD("/etc/conf.d/gen", content.String(), values)
		if err != nil {
			t.Fatalf("case %d: %v\n%s", i, err, content.String())
		}
		again, err := editConfD("/etc/conf.d/gen", out, values)
		if err != nil || again != out {
			t.Fatalf("case %d: a second edit changed the file:\n%q\n%q (%v)", i, out, again, err)
		}
		want := maps.Clone(existing)
		maps.Copy(want, values)
		for _, sh := range shells {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "conf"), []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			script := ". ./conf || exit 9\n"
			names := slices.Sorted(maps.Keys(want))
			for _, k := range names {
				script += "printf '%s\\000' \"$" + k + "\"\n"
			}
			cmd := exec.Command(sh[0], append(sh[1:], "-c", script)...)
			cmd.Dir = dir
			got, err := cmd.Output()
			if err != nil {
				t.Fatalf("case %d, %s: %v\n%s", i, sh[0], err, out)
			}
			fields := strings.Split(string(got), "\x00")
			for j, k := range names {
				if j >= len(fields) || fields[j] != want[k] {
					t.Errorf("case %d, %s: %s reads back %q, want %q\nfile:\n%s", i, sh[0], k, fields[j], want[k], out)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "PWNED")); err == nil {
				t.Errorf("case %d, %s: sourcing the file ran a command\n%s", i, sh[0], out)
			}
		}
	}
}

func TestParseAccounts(t *testing.T) {
	out := "root:x:0:0:root:/root:/bin/sh\nsvc:x:100:65533:Linux User,,,:/home/svc:/sbin/nologin\nbroken line\n" +
		accountsMarker + "\n" + "root:x:0:root\nwheel:x:10:root,svc\nnogroup:x:65533:svc\nempty:x:5:\n"
	a, err := parseAccounts(out)
	if err != nil {
		t.Fatal(err)
	}
	if u := a.users["svc"]; u.UID != 100 || u.GID != 65533 || u.Home != "/home/svc" || u.Shell != "/sbin/nologin" {
		t.Errorf("svc = %+v", u)
	}
	if len(a.users) != 2 {
		t.Errorf("%d users, want 2", len(a.users))
	}
	if g, ok := a.group("wheel"); !ok || g.GID != 10 || !slices.Equal(g.Members, []string{"root", "svc"}) {
		t.Errorf("wheel = %+v", g)
	}
	if g, ok := a.groupByID(5); !ok || g.Name != "empty" || len(g.Members) != 0 {
		t.Errorf("gid 5 = %+v", g)
	}
	if _, err := parseAccounts("no marker"); err == nil {
		t.Error("output without the marker accepted")
	}
}

// TestServicePlanState covers every status exit code against every state.
func TestServicePlanState(t *testing.T) {
	tests := []struct {
		state       string
		status      int
		confChanged bool
		want        string // rc-service commands; "error" for an error
	}{
		{"started", rcStarted, false, ""},
		{"started", rcStopped, false, "start"},
		{"started", rcCrashed, false, "zap start"},
		{"started", rcStarted, true, "restart"},
		{"started", rcStopped, true, "start"},
		{"stopped", rcStarted, false, "stop"},
		{"stopped", rcStopped, true, ""},
		{"stopped", rcCrashed, false, "zap"},
		{"restarted", rcStarted, false, "restart"},
		{"restarted", rcStopped, false, "start"},
		{"restarted", rcCrashed, false, "zap start"},
		{"reloaded", rcStarted, false, "reload"},
		{"reloaded", rcStarted, true, "restart"},
		{"reloaded", rcStopped, false, "start"},
		{"", rcStarted, true, "restart"},
		{"", rcStopped, true, ""},
		{"", rcStarted, false, ""},
		{"", rcStarting, false, ""},
		{"started", rcStarting, false, "error"},
		{"stopped", rcStopping, false, "error"},
		{"started", rcInactive, false, "error"},
		{"started", 1, false, "error"},
	}
	for _, tt := range tests {
		m := &Service{Service: "svc", State: tt.state}
		rc, _, err := m.planState(tt.status, tt.confChanged)
		got := strings.Join(rc, " ")
		if err != nil {
			got = "error"
		}
		if got != tt.want {
			t.Errorf("state %q, status %d, conf changed %v: %q, want %q", tt.state, tt.status, tt.confChanged, got, tt.want)
		}
	}
}

func TestParsePerm(t *testing.T) {
	for s, want := range map[string]uint32{"644": 0o644, "0644": 0o644, "2775": 0o2775, "02775": 0o2775, "0000": 0, "000": 0, "7777": 0o7777} {
		if got, ok := parsePerm(s); !ok || got != want {
			t.Errorf("parsePerm(%q) = %o, %v", s, got, ok)
		}
	}
	for _, s := range []string{"", "64", "0844", "10644", "u+x", "0o644", " 644", "006440"} {
		if _, ok := parsePerm(s); ok {
			t.Errorf("parsePerm(%q) accepted", s)
		}
	}
}

func TestSplitQuoted(t *testing.T) {
	for _, s := range []string{"", "abc", strings.Repeat("'", 100), strings.Repeat("a'b", 77)} {
		pieces := splitQuoted(s, 40)
		var joined strings.Builder
		for _, p := range pieces {
			if len(p) > 40 {
				t.Errorf("piece of %d bytes over the limit", len(p))
			}
			joined.WriteString(unquoteForTest(t, p))
		}
		if joined.String() != s {
			t.Errorf("pieces of %q rebuild %q", s, joined.String())
		}
	}
}

// unquoteForTest undoes shell.Quote for words made of plain characters
// and single-quoted parts.
func unquoteForTest(t *testing.T, w string) string {
	t.Helper()
	if !strings.HasPrefix(w, "'") {
		return w
	}
	return strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(w, "'"), "'"), `'\''`, "'")
}
