package transport

import (
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

func newKey(t *testing.T) ssh.PublicKey {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

var addr = &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 2222}

// TestHostKeyModes covers the decisions of the host key check; the fleet
// tests prove the same against real sshd.
func TestHostKeyModes(t *testing.T) {
	known, other := newKey(t), newKey(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "known_hosts")
	existing := "# a comment that must survive\n" + knownhosts.Line([]string{"[10.0.0.1]:2222"}, known) + "\n"
	if err := os.WriteFile(file, []byte(existing), 0o600); err != nil {
		t.Fatal(err)
	}

	strict, err := newHostKeys([]string{file}, Strict)
	if err != nil {
		t.Fatal(err)
	}
	if err := strict.callback("a")("10.0.0.1:2222", addr, known); err != nil {
		t.Errorf("known key refused: %v", err)
	}
	if err := strict.callback("a")("10.0.0.1:2222", addr, other); err == nil || !strings.Contains(err.Error(), "HOST KEY CHANGED") {
		t.Errorf("changed key: %v", err)
	}
	if err := strict.callback("b")("10.0.0.2:22", addr, other); err == nil || !strings.Contains(err.Error(), "is not in") {
		t.Errorf("unknown host in strict mode: %v", err)
	}
	if got := strict.algorithms("10.0.0.1:2222"); !slices.Equal(got, []string{ssh.KeyAlgoED25519}) {
		t.Errorf("algorithms for a known host = %v", got)
	}
	if got := strict.algorithms("10.0.0.9:22"); !slices.Contains(got, ssh.KeyAlgoED25519) || slices.Contains(got, ssh.CertAlgoED25519v01) {
		t.Errorf("algorithms for an unknown host = %v, want every plain key type", got)
	}

	acceptNew, err := newHostKeys([]string{file}, AcceptNew)
	if err != nil {
		t.Fatal(err)
	}
	if err := acceptNew.callback("a")("10.0.0.1:2222", addr, other); err == nil {
		t.Error("accept-new accepted a changed key")
	}
	if err := acceptNew.callback("b")("10.0.0.2:22", addr, other); err != nil {
		t.Fatalf("accept-new refused a new host: %v", err)
	}
	// Seen once, the key is pinned for the rest of the run.
	if err := acceptNew.callback("b")("10.0.0.2:22", addr, known); err == nil {
		t.Error("accept-new accepted a second, different key for the same host")
	}
	b, _ := os.ReadFile(file)
	if !strings.HasPrefix(string(b), existing) || !strings.Contains(string(b), knownhosts.Line([]string{"10.0.0.2"}, other)) {
		t.Errorf("known_hosts after accept-new:\n%s", b)
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Errorf("known_hosts mode changed to %v", st.Mode().Perm())
	}
}

func TestMissingKnownHosts(t *testing.T) {
	file := filepath.Join(t.TempDir(), "sub", "known_hosts")
	if _, err := newHostKeys([]string{file}, Strict); err == nil || !strings.Contains(err.Error(), "accept-new") {
		t.Errorf("strict mode without a file: %v", err)
	}
	hk, err := newHostKeys([]string{file}, AcceptNew)
	if err != nil {
		t.Fatal(err)
	}
	if err := hk.callback("a")("10.0.0.1:22", addr, newKey(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(file); err != nil {
		t.Errorf("accept-new did not create the file: %v", err)
	}
}

func TestCappedBuffer(t *testing.T) {
	var b cappedBuffer
	chunk := make([]byte, 1<<20)
	for range 10 {
		if n, err := b.Write(chunk); n != len(chunk) || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
	}
	if len(b.buf) != maxOutput || b.dropped != 10<<20-maxOutput {
		t.Errorf("kept %d, dropped %d", len(b.buf), b.dropped)
	}
	if !strings.HasSuffix(b.String(), "more bytes not kept]") {
		t.Error("truncation is not said")
	}
}

func TestGroupSniffer(t *testing.T) {
	tests := []struct {
		name   string
		chunks []string
		group  int
		rest   string
	}{
		{"one write", []string{"switchback-pgid 42\nerr\n"}, 42, "err\n"},
		{"split marker", []string{"switchback-", "pgid 4", "2\n", "more"}, 42, "more"},
		{"no marker", []string{"plain stderr\n"}, 0, "plain stderr\n"},
		{"long first line", []string{strings.Repeat("x", 100)}, 0, strings.Repeat("x", 100)},
		{"marker only", []string{"switchback-pgid 7\n"}, 7, ""},
	}
	for _, tt := range tests {
		var rest cappedBuffer
		g := &groupSniffer{rest: &rest}
		for _, c := range tt.chunks {
			if n, err := g.Write([]byte(c)); n != len(c) || err != nil {
				t.Fatalf("%s: Write = %d, %v", tt.name, n, err)
			}
		}
		if g.pgid() != tt.group || rest.String() != tt.rest {
			t.Errorf("%s: group %d rest %q, want %d %q", tt.name, g.pgid(), rest.String(), tt.group, tt.rest)
		}
	}
}

func TestAcceptNewHashed(t *testing.T) {
	file := filepath.Join(t.TempDir(), "known_hosts")
	hk, err := newHostKeys([]string{file}, AcceptNew)
	if err != nil {
		t.Fatal(err)
	}
	hk.hash = true
	key := newKey(t)
	if err := hk.callback("a")("10.0.0.1:2222", addr, key); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(file)
	if !strings.HasPrefix(string(b), "|1|") || strings.Contains(string(b), "10.0.0.1") {
		t.Fatalf("not hashed:\n%s", b)
	}
	// A new run finds the hashed entry.
	again, err := newHostKeys([]string{file}, Strict)
	if err != nil {
		t.Fatal(err)
	}
	if err := again.callback("a")("10.0.0.1:2222", addr, key); err != nil {
		t.Errorf("hashed entry not found: %v", err)
	}
}
