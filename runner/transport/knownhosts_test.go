package transport

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh/knownhosts"
)

func TestWildcard(t *testing.T) {
	tests := []struct {
		s, pattern string
		want       bool
	}{
		{"", "", true}, {"", "*", true}, {"a", "", false}, {"abc", "a*c", true}, {"abc", "a?c", true},
		{"ac", "a?c", false}, {"[10.0.0.1]:2222", "*", true}, {"[10.0.0.1]:2222", "[10.0.0.*]:2222", true},
		{"aaa", "*a*a*a*", true}, {"aa", "*a*a*a*", false}, {"abcabd", "*abd", true}, {"x", "**?**", true},
	}
	for _, tt := range tests {
		if got := wildcard(tt.s, tt.pattern); got != tt.want {
			t.Errorf("wildcard(%q, %q) = %v", tt.s, tt.pattern, got)
		}
	}
}

// TestNegatedWildcardOnEveryPort is the case that x/crypto's matcher
// gets wrong: "!*" excludes the line on port 2222 as on port 22.
func TestNegatedWildcardOnEveryPort(t *testing.T) {
	key := newKey(t)
	file := filepath.Join(t.TempDir(), "known_hosts")
	content := knownhosts.Line([]string{"[10.0.0.1]:2222", "10.0.0.1", "!*"}, key) + "\n"
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	hk, err := newHostKeys([]string{file}, Strict)
	if err != nil {
		t.Fatal(err)
	}
	for _, hostport := range []string{"10.0.0.1:22", "10.0.0.1:2222"} {
		if err := hk.callback("a")(hostport, addr, key); err == nil || !strings.Contains(err.Error(), "is not in") {
			t.Errorf("%s: %v; want the host refused as unknown", hostport, err)
		}
	}
}

var foundLine = regexp.MustCompile(`(?m)^# Host .* found: line (\d+)`)

// TestKnownHostsMatchLikeSSHKeygen generates known_hosts files (pattern
// lists with wildcards, negations, brackets and ports, upper case,
// hashed names, markers good and bad, broken lines) and looks names up
// in them with OpenSSH's own ssh-keygen -F: the lines it finds must be
// exactly the lines that apply here.
func TestKnownHostsMatchLikeSSHKeygen(t *testing.T) {
	keygen, err := exec.LookPath("ssh-keygen")
	if err != nil {
		t.Skip("no ssh-keygen (openssh-client) on PATH")
	}
	key := newKey(t)
	keyText := strings.TrimSpace(knownhosts.Line([]string{"x"}, key))[2:] // "type base64"
	names := []string{"10.0.0.1", "[10.0.0.1]:2222", "[10.0.0.2]:22000", "web-01", "[web-01]:2222", "::1", "[::1]:2222"}
	pieces := []string{"10.0.0.1", "10.0.0.2", "[10.0.0.1]:2222", "[10.0.0.*]:2222", "[*]:2222", "*", "?", "*:2222",
		"WEB-01", "web-0?", "web-*", "[web-01]:*", "[::1]:2222", "::1", "10.0.0.*", "*1", "*]:22*", "[10.0.0.1]", ""}
	rng := rand.New(rand.NewPCG(4, 21))
	dir := t.TempDir()
	for round := range 60 {
		var lines []string
		for range 25 {
			var pats []string
			for range 1 + rng.IntN(3) {
				p := pieces[rng.IntN(len(pieces))]
				if rng.IntN(4) == 0 {
					p = "!" + p
				}
				pats = append(pats, p)
			}
			hosts := strings.Join(pats, ",")
			switch rng.IntN(12) {
			case 0:
				hosts = knownhosts.HashHostname(names[rng.IntN(len(names))])
			case 1:
				hosts = "|1|bad|hash"
			}
			line := hosts + " " + keyText
			switch rng.IntN(14) {
			case 0:
				line = "@cert-authority " + line
			case 1:
				line = "@revoked " + line
			case 2:
				line = "@bogus " + line
			case 3:
				line = hosts // truncated
			case 4:
				line = "# " + line
			case 5:
				line = "  \t" + line + " comment"
			}
			lines = append(lines, line)
		}
		file := filepath.Join(dir, "known_hosts-"+strconv.Itoa(round))
		if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		db, err := readKnownHosts(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			out, _ := exec.Command(keygen, "-F", name, "-f", file).Output()
			var want []int
			for _, m := range foundLine.FindAllStringSubmatch(string(out), -1) {
				n, _ := strconv.Atoi(m[1])
				want = append(want, n)
			}
			var got []int
			for _, l := range db.lines {
				if l.matches(name) {
					got = append(got, l.known.Line)
				}
			}
			if !slices.Equal(got, want) {
				for _, n := range append(slices.Clone(want), got...) {
					t.Logf("line %d: %s", n, lines[n-1])
				}
				t.Fatalf("round %d, %s: lines %v apply here, ssh-keygen -F finds %v", round, name, got, want)
			}
		}
	}
}
