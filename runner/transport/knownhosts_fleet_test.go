package transport

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/crypto/ssh/knownhosts"

	"github.com/switchbackhq/switchback/internal/fleet"
)

// TestKnownHostsAgreeWithSSH: for known_hosts files written every way a
// host on port 2222 can be named (or excluded), switchback connects to a
// real sshd exactly when OpenSSH's own ssh does.
func TestKnownHostsAgreeWithSSH(t *testing.T) {
	sshBin, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no ssh (openssh-client) on PATH")
	}
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	keyText := readKeyLine(t, h) // "type base64"
	a := h.Address
	hashed := knownhosts.HashHostname(fmt.Sprintf("[%s]:2222", a))
	otherKey := strings.TrimSpace(knownhosts.Line([]string{"x"}, newKey(t)))[2:]
	cases := []struct {
		name, lines string
		connects    bool
	}{
		{"exact", fmt.Sprintf("[%s]:2222 %s", a, keyText), true},
		{"negated wildcard after the host", fmt.Sprintf("[%s]:2222,!* %s", a, keyText), false},
		{"negated host on its port, then its bare name", fmt.Sprintf("*,![%s]:2222 %s", a, keyText), true},
		{"negated host and bare name", fmt.Sprintf("*,![%s]:2222,!%s %s", a, a, keyText), false},
		{"wildcard for every host and port", "* " + keyText, true},
		{"wildcard in the address", fmt.Sprintf("[%s]:22* %s", a[:len(a)-1]+"?", keyText), true},
		{"the bare name, looked up next", a + " " + keyText, true},
		{"the bare name with another key", a + " " + otherKey, false},
		{"the port with another key, the bare name with this one", fmt.Sprintf("[%s]:2222 %s\n%s %s", a, otherKey, a, keyText), false},
		{"hashed", hashed + " " + keyText, true},
		{"upper case", strings.ToUpper(fmt.Sprintf("[%s]:2222", a)) + " " + keyText, true},
	}
	dir := t.TempDir()
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(dir, fmt.Sprintf("known_hosts-%d", i))
			if err := os.WriteFile(file, []byte(tc.lines+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(sshBin, "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
				"-o", "UserKnownHostsFile="+file, "-o", "GlobalKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes",
				"-i", f.IdentityFile, "-p", "2222", f.User+"@"+a, "true")
			out, err := cmd.CombinedOutput()
			sshConnects := err == nil
			if sshConnects != tc.connects {
				t.Fatalf("OpenSSH's ssh: connects=%v, the test expects %v: %v\n%s", sshConnects, tc.connects, err, out)
			}
			s := dialer(t, SSHOptions{KnownHostsFile: file, HostKeyMode: Strict})
			c, err := s.Dial(t.Context(), Target{Name: h.Name, Address: a, Port: 2222, User: f.User, IdentityFile: f.IdentityFile})
			if err == nil {
				c.Close()
			}
			if (err == nil) != sshConnects {
				t.Errorf("switchback: connects=%v (%v); OpenSSH's ssh: connects=%v", err == nil, err, sshConnects)
			}
		})
	}
}

// TestAcceptNewWritesAsOpenSSH: with accept-new, a known_hosts that is a
// device (a /dev/null made here) stays that device, and one that is a
// link stays a link while the file it names gets the key, as OpenSSH's
// client leaves them. Both by flag and through ssh_config.
func TestAcceptNewWritesAsOpenSSH(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	dir := t.TempDir()
	target := Target{Name: h.Name, Address: h.Address, Port: 2222, User: f.User, IdentityFile: f.IdentityFile}
	dial := func(t *testing.T, opts SSHOptions) {
		t.Helper()
		c, err := dialer(t, opts).Dial(t.Context(), target)
		if err != nil {
			t.Fatal(err)
		}
		mustRun(t, c, "true")
		c.Close()
	}

	// A character device 1,3: what /dev/null is.
	null := filepath.Join(dir, "null")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skipf("cannot make a device here: %v", err)
	}
	if err := os.Chmod(null, 0o666); err != nil {
		t.Fatal(err)
	}
	isNull := func(t *testing.T) {
		t.Helper()
		var st syscall.Stat_t
		if err := syscall.Stat(null, &st); err != nil {
			t.Fatal(err)
		}
		if st.Mode&syscall.S_IFMT != syscall.S_IFCHR || st.Rdev != 1<<8|3 || st.Mode&0o777 != 0o666 {
			t.Fatalf("%s is no longer the device: mode %o, rdev %x", null, st.Mode, st.Rdev)
		}
	}
	t.Run("device by flag", func(t *testing.T) {
		dial(t, SSHOptions{KnownHostsFile: null, HostKeyMode: AcceptNew})
		isNull(t)
	})
	t.Run("device through ssh_config", func(t *testing.T) {
		config := filepath.Join(dir, "ssh_config")
		text := fmt.Sprintf("Host *\n  UserKnownHostsFile %s\n  StrictHostKeyChecking no\n", null)
		if err := os.WriteFile(config, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := LoadSSHConfig(true, config)
		if err != nil {
			t.Fatal(err)
		}
		dial(t, SSHOptions{Config: cfg, Warn: func(string) {}})
		isNull(t)
	})

	t.Run("link", func(t *testing.T) {
		real := filepath.Join(dir, "real_known_hosts")
		const existing = "# kept\n"
		if err := os.WriteFile(real, []byte(existing), 0o640); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "known_hosts")
		if err := os.Symlink("real_known_hosts", link); err != nil {
			t.Fatal(err)
		}
		dial(t, SSHOptions{KnownHostsFile: link, HostKeyMode: AcceptNew})
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("%s is no longer a link: %v %v", link, fi.Mode(), err)
		}
		b, err := os.ReadFile(real)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), existing) || strings.Count(string(b), "\n") != 2 {
			t.Errorf("the linked file holds:\n%s", b)
		}
		if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o640 {
			t.Errorf("the linked file's mode is %v, want 0640", fi.Mode().Perm())
		}
		// The key recorded through the link is the one a strict run trusts,
		// and OpenSSH's ssh-keygen finds it.
		dial(t, SSHOptions{KnownHostsFile: link, HostKeyMode: Strict})
		if out, err := exec.Command("ssh-keygen", "-F", fmt.Sprintf("[%s]:2222", h.Address), "-f", real).Output(); err != nil || !strings.Contains(string(out), "found") {
			t.Errorf("ssh-keygen -F does not find the recorded key: %v\n%s", err, out)
		}
	})
}
