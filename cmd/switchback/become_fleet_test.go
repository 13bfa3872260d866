package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

const becomePlaybook = `
playbook { name = "become" }
phase "p" {
  apk "hello" { packages = ["sb-hello"] }
  file "motd" {
    path    = "/etc/motd"
    content = "managed\n"
  }
  copy "issue" {
    source = "issue.txt"
    dest   = "/etc/issue"
    mode   = "0644"
  }
  command "as root" {
    run     = "id -u > /root/whoami"
    creates = "/root/whoami"
  }
  command "as the login user" {
    run     = "id -u > $HOME/whoami"
    creates = "/home/` + fleet.BecomeUser + `/whoami"
    become  = false
  }
}
`

// convergesBecomingRoot runs becomePlaybook with args, which log in as
// fleet.BecomeUser, and checks that every step but the one that says
// become = false ran as root, and that a second run changes nothing.
func convergesBecomingRoot(t *testing.T, h *fleet.Host, args []string) {
	t.Helper()
	out := runOK(t, args...)
	wantChanged(t, out, 5)
	if got := mustRead(t, h.Path("/etc/issue")); got != "Welcome to a managed host\n" {
		t.Errorf("/etc/issue = %q: a copy under become did not arrive", got)
	}
	if !fileContains(t, h.Path("/lib/apk/db/installed"), "P:sb-hello\n") {
		t.Error("apk did not install as root")
	}
	if got := mustRead(t, h.Path("/root/whoami")); got != "0\n" {
		t.Errorf("a become step ran as uid %q, want 0", got)
	}
	var st syscall.Stat_t
	if err := syscall.Stat(h.Path("/home/"+fleet.BecomeUser), &st); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, h.Path("/home/"+fleet.BecomeUser+"/whoami")); got != strconv.Itoa(int(st.Uid))+"\n" || st.Uid == 0 {
		t.Errorf("the become = false step ran as uid %q, want the login user's %d", got, st.Uid)
	}
	if err := syscall.Stat(h.Path("/etc/motd"), &st); err != nil || st.Uid != 0 {
		t.Errorf("/etc/motd is not root's: %v uid %d", err, st.Uid)
	}
	wantChanged(t, runOK(t, args...), 0)
}

// TestBecomeWithDoas logs in as an ordinary user and becomes root with
// doas for every step but one that says become = false; a doas rule that
// wants a password fails the host with a message that says what to do.
func TestBecomeWithDoas(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	inv := writeFile(t, dir, "inv.hcl", fleetInventory(f, map[string]string{
		h.Name: `user = "` + fleet.BecomeUser + `"
  become = true`,
	}))
	pb := writeFile(t, dir, "pb.hcl", becomePlaybook)
	writeFile(t, dir, "issue.txt", "Welcome to a managed host\n")
	args := []string{"run", pb, "-i", inv, "--known-hosts", f.KnownHosts, "--connect-timeout", "5s"}

	convergesBecomingRoot(t, h, args)

	// A rule without nopass: doas would ask for a password.
	if err := os.WriteFile(h.Path("/etc/doas.conf"), []byte("permit "+fleet.BecomeUser+" as root\n"), 0o400); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(h.Path("/etc/motd"), []byte("drifted\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out := runCLI(t, args...)
	if code != runner.ExitFailed {
		t.Fatalf("exit %d, want %d", code, runner.ExitFailed)
	}
	wantInOutput(t, out, "become with doas failed: doas wants a password; give the login user a 'permit nopass' rule in /etc/doas.conf")
	if strings.Contains(out, "drifted") && mustRead(t, h.Path("/etc/motd")) != "drifted\n" {
		t.Error("the file changed although doas refused")
	}
}
