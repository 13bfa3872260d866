package main

import (
	"os"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

// TestBecomeWithSudo is TestBecomeWithDoas with Debian's sudo: the run
// logs in as an ordinary user and becomes root with sudo (a NOPASSWD
// rule in /etc/sudoers, PAM in the path) for every step but one that
// says become = false; a rule that wants a password, and a user sudoers
// does not list, fail the host with a message that says what to do.
// Debian's sudo is a different build from Alpine's, but it is the same
// program with the same sudoers, PAM and setuid mechanics.
func TestBecomeWithSudo(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	inv := writeFile(t, dir, "inv.hcl", fleetInventory(f, map[string]string{
		h.Name: `user = "` + fleet.BecomeUser + `"
  become        = true
  become_method = "sudo"`,
	}))
	pb := writeFile(t, dir, "pb.hcl", becomePlaybook)
	writeFile(t, dir, "issue.txt", "Welcome to a managed host\n")
	args := []string{"run", pb, "-i", inv, "--known-hosts", f.KnownHosts, "--connect-timeout", "5s"}

	// doas is not what runs the steps: without it, they still become root.
	if err := os.Remove(h.Path("/usr/bin/doas")); err != nil {
		t.Fatal(err)
	}
	convergesBecomingRoot(t, h, args)

	for _, tc := range []struct {
		sudoers, want string
	}{
		// A rule without NOPASSWD: sudo would ask for a password.
		{fleet.BecomeUser + " ALL=(ALL:ALL) ALL\n", "become with sudo failed: sudo wants a password; give the login user a NOPASSWD rule in /etc/sudoers"},
		// No rule for the login user at all: sudo asks for the password
		// before it says so, and without one it cannot tell the two apart.
		{"root ALL=(ALL:ALL) ALL\n", "become with sudo failed: sudo wants a password; give the login user a NOPASSWD rule in /etc/sudoers"},
	} {
		if err := os.WriteFile(h.Path("/etc/sudoers"), []byte(tc.sudoers), 0o440); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(h.Path("/etc/motd"), []byte("drifted\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out := runCLI(t, args...)
		if code != runner.ExitFailed {
			t.Fatalf("exit %d, want %d", code, runner.ExitFailed)
		}
		wantInOutput(t, out, tc.want)
		if got := mustRead(t, h.Path("/etc/motd")); got != "drifted\n" {
			t.Errorf("/etc/motd = %q: the file changed although sudo refused", got)
		}
		if strings.Contains(out, "panic") {
			t.Error(out)
		}
	}
}
