package transport

import (
	"context"
	"os"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
)

// TestSendFileSession: files go over one SFTP session per connection,
// opened on first use and closed with the connection; a file is written
// in place, keeping the mode it had.
func TestSendFileSession(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	s, err := NewSSH(SSHOptions{KnownHostsFile: f.KnownHosts})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := s.Dial(t.Context(), Target{Name: h.Name, Address: h.Address, Port: h.Port, User: f.User, IdentityFile: f.IdentityFile})
	if err != nil {
		t.Fatal(err)
	}
	c := conn.(*sshConn)
	if c.files.client != nil {
		t.Fatal("an SFTP session was opened before any file was sent")
	}
	if out, err := c.Run(t.Context(), "umask 077; : > /srv/a; : > /srv/b"); err != nil || out.ExitCode != 0 {
		t.Fatalf("%v %v", out, err)
	}
	if err := c.SendFile(t.Context(), "/srv/a", []byte("first\x00")); err != nil {
		t.Fatal(err)
	}
	first := c.files.client
	if err := c.SendFile(t.Context(), "/srv/b", []byte("second")); err != nil {
		t.Fatal(err)
	}
	if c.files.client != first || first == nil {
		t.Error("the second file opened another SFTP session")
	}
	for p, want := range map[string]string{"/srv/a": "first\x00", "/srv/b": "second"} {
		b, err := os.ReadFile(h.Path(p))
		if err != nil || string(b) != want {
			t.Errorf("%s = %q (%v), want %q", p, b, err, want)
		}
		if fi, err := os.Stat(h.Path(p)); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600 kept", p, fi.Mode())
		}
	}
	if err := c.SendFile(t.Context(), "/srv/missing", []byte("x")); err == nil {
		t.Error("SendFile created a file; it must only fill existing ones")
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := c.SendFile(ctx, "/srv/a", []byte("late")); err == nil {
		t.Error("a cancelled send succeeded")
	}
	if err := conn.Close(); err != nil {
		t.Fatal(err)
	}
	if c.files.client != nil {
		t.Error("the SFTP session outlived its connection")
	}
}
