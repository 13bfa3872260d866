package modules

import (
	"regexp"
	"slices"
	"strings"
	"testing"
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
	}
	for _, tt := range tests {
		if got := editConfD(tt.content, tt.values); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
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
