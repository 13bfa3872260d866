package transport

// The SSH transport against real sshd on the local fleet: ssh_config,
// jump hosts behind a firewall, a frozen host, certificates, hashed
// known_hosts and sshd's session limit.

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/switchbackhq/switchback/internal/fleet"
)

// writeKey writes an ed25519 key pair (OpenSSH format) and returns its signer.
func writeKey(t *testing.T, path string) ssh.Signer {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, "test")
	if err != nil {
		t.Fatal(err)
	}
	sshPub, _ := ssh.NewPublicKey(pub)
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".pub", ssh.MarshalAuthorizedKey(sshPub), 0o644); err != nil {
		t.Fatal(err)
	}
	signer, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

// signCert signs key with ca as a user or host certificate for principals.
func signCert(t *testing.T, ca ssh.Signer, key ssh.PublicKey, typ uint32, principals ...string) []byte {
	t.Helper()
	cert := &ssh.Certificate{
		Key: key, CertType: typ, KeyId: "switchback-test", ValidPrincipals: principals,
		ValidAfter: uint64(time.Now().Add(-time.Hour).Unix()), ValidBefore: uint64(time.Now().Add(time.Hour).Unix()),
	}
	if typ == ssh.UserCert {
		cert.Permissions.Extensions = map[string]string{"permit-pty": ""}
	}
	if err := cert.SignCert(rand.Reader, ca); err != nil {
		t.Fatal(err)
	}
	return ssh.MarshalAuthorizedKey(cert)
}

func readPub(t *testing.T, path string) ssh.PublicKey {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	k, _, _, _, err := ssh.ParseAuthorizedKey(b)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func dialer(t *testing.T, opts SSHOptions) *SSH {
	t.Helper()
	s, err := NewSSH(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustRun(t *testing.T, c Conn, cmd string) string {
	t.Helper()
	out, err := c.Run(t.Context(), cmd)
	if err != nil || out.ExitCode != 0 {
		t.Fatalf("%s: %v %+v", cmd, err, out)
	}
	return out.Stdout
}

func acceptedLogins(t *testing.T, h *fleet.Host) int {
	t.Helper()
	b, err := os.ReadFile(h.SSHDLog())
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(b), "Accepted publickey")
}

// TestSSHFleet: host-01 is a bastion; host-02 and host-04 stand behind
// it, host-03 behind host-02 (two hops). host-05 is reached directly and
// trusts a user CA and presents a host certificate.
func TestSSHFleet(t *testing.T) {
	dir := t.TempDir()
	ca := writeKey(t, filepath.Join(dir, "ca"))
	hostCert := "/var/lib/switchback-fleet/host-cert-" + filepath.Base(dir) + ".pub"
	t.Cleanup(func() { os.Remove(hostCert) })
	f := fleet.Start(t, 5,
		fleet.Behind("host-01", "host-02", "host-04"),
		fleet.Behind("host-02", "host-03"),
		fleet.WithSSHDConfig("host-05", "TrustedUserCAKeys "+filepath.Join(dir, "ca.pub"), "HostCertificate "+hostCert))
	h := func(name string) *fleet.Host { return f.Host(name) }
	addr := func(name string) string { return h(name).Address }

	config := filepath.Join(dir, "ssh_config")
	writeConfig := func(text string) *SSHConfig {
		t.Helper()
		if err := os.WriteFile(config, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := LoadSSHConfig(true, config)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	common := fmt.Sprintf(`
Host *
  User %s
  Port 2222
  IdentityFile %s
  IdentitiesOnly yes
  UserKnownHostsFile %s
`, f.User, f.IdentityFile, f.KnownHosts)
	cfg := writeConfig(fmt.Sprintf(`
Host bastion
  HostName %s
Host web
  HostName %s
  ProxyJump bastion
Host deep
  HostName %s
  ProxyJump bastion,%s@%s:2222
Host other
  HostName %s
  ProxyJump bastion
`, addr("host-01"), addr("host-02"), addr("host-03"), f.User, addr("host-02"), addr("host-04")) + common)

	t.Run("isolation", func(t *testing.T) {
		for _, name := range []string{"host-02", "host-03", "host-04"} {
			c, err := net.DialTimeout("tcp", net.JoinHostPort(addr(name), "2222"), 2*time.Second)
			if err == nil {
				c.Close()
				t.Errorf("%s is reachable directly; the firewall does not hold", name)
			}
		}
		s := dialer(t, SSHOptions{Config: cfg})
		if _, err := s.Dial(t.Context(), Target{Name: "direct", Address: addr("host-02")}); !IsUnreachable(err) {
			t.Errorf("direct dial to a host behind the bastion: %v", err)
		}
	})

	t.Run("ssh_config aliases and ProxyJump, one connection to the bastion", func(t *testing.T) {
		before := acceptedLogins(t, h("host-01"))
		s := dialer(t, SSHOptions{Config: cfg})
		var wg sync.WaitGroup
		for _, alias := range []string{"web", "deep", "other"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c, err := s.Dial(t.Context(), Target{Name: alias, Address: alias})
				if err != nil {
					t.Errorf("%s: %v", alias, err)
					return
				}
				defer c.Close()
				out, err := c.Run(t.Context(), "hostname")
				if err != nil {
					t.Errorf("%s: %v", alias, err)
				}
				t.Logf("%s → %s", alias, strings.TrimSpace(out.Stdout))
			}()
		}
		wg.Wait()
		want := map[string]string{"web": "host-02", "deep": "host-03", "other": "host-04"}
		for alias, host := range want {
			c, err := s.Dial(t.Context(), Target{Name: alias, Address: alias})
			if err != nil {
				t.Fatalf("%s: %v", alias, err)
			}
			if got := strings.TrimSpace(mustRun(t, c, "hostname")); got != host {
				t.Errorf("%s reached %s, want %s", alias, got, host)
			}
			c.Close()
		}
		if n := acceptedLogins(t, h("host-01")) - before; n != 1 {
			t.Errorf("the bastion saw %d logins for 6 connections behind it, want 1", n)
		}
	})

	t.Run("inventory jump and settings win over ssh_config", func(t *testing.T) {
		// ssh_config says port 1 for this alias; the inventory's port and
		// jump list win.
		c := writeConfig(fmt.Sprintf("Host %s\n  Port 1\n  ProxyJump none\nHost bastion\n  HostName %s\n", addr("host-03"), addr("host-01")) + common)
		before := acceptedLogins(t, h("host-01"))
		s := dialer(t, SSHOptions{Config: c})
		// The bastion named by its alias here and by its address below is
		// one connection.
		viaAlias, err := s.Dial(t.Context(), Target{Name: "host-02", Address: addr("host-02"), Jump: "bastion"})
		if err != nil {
			t.Fatal(err)
		}
		defer viaAlias.Close()
		jump := fmt.Sprintf("%s@%s:2222,%s:2222", f.User, addr("host-01"), addr("host-02"))
		conn, err := s.Dial(t.Context(), Target{Name: "host-03", Address: addr("host-03"), Port: 2222, Jump: jump})
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if got := strings.TrimSpace(mustRun(t, conn, "hostname")); got != "host-03" {
			t.Errorf("reached %s", got)
		}
		if n := acceptedLogins(t, h("host-01")) - before; n != 1 {
			t.Errorf("the bastion saw %d logins, want 1", n)
		}
	})

	t.Run("changed host key behind a jump host is refused", func(t *testing.T) {
		bad := filepath.Join(dir, "known_hosts_changed")
		b, _ := os.ReadFile(f.KnownHosts)
		other := writeKey(t, filepath.Join(dir, "other"))
		lines := strings.ReplaceAll(string(b), readKeyLine(t, h("host-02")), strings.TrimSpace(string(ssh.MarshalAuthorizedKey(other.PublicKey()))))
		if err := os.WriteFile(bad, []byte(lines), 0o600); err != nil {
			t.Fatal(err)
		}
		s := dialer(t, SSHOptions{Config: cfg, KnownHostsFile: bad})
		_, err := s.Dial(t.Context(), Target{Name: "web", Address: "web"})
		if err == nil || !strings.Contains(err.Error(), "HOST KEY CHANGED") || !strings.Contains(err.Error(), "ssh-keygen -R") {
			t.Errorf("changed key of a host behind a jump: %v", err)
		}
		// The same for a jump host itself: the message names it.
		_, err = s.Dial(t.Context(), Target{Name: "deep", Address: "deep"})
		if err == nil || !strings.Contains(err.Error(), "HOST KEY CHANGED for jump host") {
			t.Errorf("changed key of a jump host: %v", err)
		}
	})

	t.Run("frozen host behind a jump host is unreachable within the keepalive bound", func(t *testing.T) {
		interval, max := time.Second, 3
		s := dialer(t, SSHOptions{Config: cfg, Keepalive: interval, KeepaliveMax: max})
		c, err := s.Dial(t.Context(), Target{Name: "other", Address: "other"})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		done := make(chan error, 1)
		go func() {
			_, err := c.Run(context.Background(), "sleep 120")
			done <- err
		}()
		time.Sleep(500 * time.Millisecond)
		if err := f.FreezeHost("host-04"); err != nil {
			t.Fatal(err)
		}
		defer f.ThawHost("host-04")
		frozen := time.Now()
		select {
		case err = <-done:
		case <-time.After(time.Minute):
			t.Fatal("a command on a frozen host still hangs after a minute")
		}
		took := time.Since(frozen)
		t.Logf("frozen host declared unreachable after %s (keepalive %s × %d): %v", took.Round(10*time.Millisecond), interval, max, err)
		if !IsUnreachable(err) || !strings.Contains(err.Error(), "keepalive") {
			t.Errorf("error = %v, want unreachable because of keepalives", err)
		}
		if bound := time.Duration(max+1)*interval + time.Second; took > bound {
			t.Errorf("took %s, more than %s", took, bound)
		}
	})

	t.Run("user certificate", func(t *testing.T) {
		key := filepath.Join(dir, "id_cert_user")
		signer := writeKey(t, key)
		s := dialer(t, SSHOptions{KnownHostsFile: f.KnownHosts})
		target := Target{Name: "host-05", Address: addr("host-05"), Port: 2222, User: f.User, IdentityFile: key}
		if _, err := s.Dial(t.Context(), target); err == nil {
			t.Fatal("a key that is in no authorized_keys logged in without its certificate")
		}
		if err := os.WriteFile(key+"-cert.pub", signCert(t, ca, signer.PublicKey(), ssh.UserCert, f.User), 0o644); err != nil {
			t.Fatal(err)
		}
		s = dialer(t, SSHOptions{KnownHostsFile: f.KnownHosts})
		c, err := s.Dial(t.Context(), target)
		if err != nil {
			t.Fatalf("login with a certificate: %v", err)
		}
		c.Close()
	})

	t.Run("@cert-authority and hashed known_hosts", func(t *testing.T) {
		host := h("host-05")
		cert := signCert(t, ca, readPub(t, host.HostKeyFile()+".pub"), ssh.HostCert, host.Address)
		if err := os.WriteFile(hostCert, cert, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := f.StopHost("host-05"); err != nil {
			t.Fatal(err)
		}
		if err := f.StartHost("host-05"); err != nil {
			t.Fatal(err)
		}
		caOnly := filepath.Join(dir, "known_hosts_ca")
		line := "@cert-authority [" + host.Address + "]:2222 " + string(ssh.MarshalAuthorizedKey(ca.PublicKey()))
		if err := os.WriteFile(caOnly, []byte(line), 0o600); err != nil {
			t.Fatal(err)
		}
		s := dialer(t, SSHOptions{KnownHostsFile: caOnly, HostKeyMode: Strict})
		target := Target{Name: "host-05", Address: host.Address, Port: 2222, User: f.User, IdentityFile: f.IdentityFile}
		c, err := s.Dial(t.Context(), target)
		if err != nil {
			t.Fatalf("host certificate signed by a trusted CA: %v", err)
		}
		c.Close()
		// The CA vouches for certificates only: a host with a plain key is unknown.
		other := Target{Name: "host-01", Address: addr("host-01"), Port: 2222, User: f.User, IdentityFile: f.IdentityFile}
		s = dialer(t, SSHOptions{KnownHostsFile: caOnly, HostKeyMode: Strict})
		if _, err := s.Dial(t.Context(), other); err == nil || !strings.Contains(err.Error(), "is not in") {
			t.Errorf("host without a certificate under a CA-only known_hosts: %v", err)
		}

		// accept-new meets a host with a certificate from an unknown CA:
		// it records the host's plain key, as OpenSSH does.
		fresh := filepath.Join(dir, "known_hosts_fresh")
		s = dialer(t, SSHOptions{KnownHostsFile: fresh, HostKeyMode: AcceptNew})
		if c, err := s.Dial(t.Context(), target); err != nil {
			t.Errorf("accept-new with a host certificate: %v", err)
		} else {
			c.Close()
		}
		if b, _ := os.ReadFile(fresh); !strings.Contains(string(b), readKeyLine(t, host)) {
			t.Errorf("accept-new recorded:\n%s", b)
		}

		// Hashed the way ssh-keygen -H writes it.
		hashed := filepath.Join(dir, "known_hosts_hashed")
		b, _ := os.ReadFile(f.KnownHosts)
		if err := os.WriteFile(hashed, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("ssh-keygen", "-H", "-f", hashed).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen -H: %v: %s", err, out)
		}
		if b, _ := os.ReadFile(hashed); strings.Contains(string(b), host.Address) || !strings.HasPrefix(string(b), "|1|") {
			t.Fatalf("not hashed:\n%s", b)
		}
		s = dialer(t, SSHOptions{Config: cfg, KnownHostsFile: hashed})
		for _, alias := range []string{"deep"} {
			c, err := s.Dial(t.Context(), Target{Name: alias, Address: alias})
			if err != nil {
				t.Fatalf("hashed known_hosts: %v", err)
			}
			c.Close()
		}
	})

	t.Run("encrypted key", func(t *testing.T) {
		raw, err := os.ReadFile(f.IdentityFile)
		if err != nil {
			t.Fatal(err)
		}
		key, err := ssh.ParseRawPrivateKey(raw)
		if err != nil {
			t.Fatal(err)
		}
		block, err := ssh.MarshalPrivateKeyWithPassphrase(key, "test", []byte("s3cret"))
		if err != nil {
			t.Fatal(err)
		}
		encrypted := filepath.Join(dir, "id_encrypted")
		if err := os.WriteFile(encrypted, pem.EncodeToMemory(block), 0o600); err != nil {
			t.Fatal(err)
		}
		target := Target{Name: "host-05", Address: addr("host-05"), Port: 2222, User: f.User, IdentityFile: encrypted}
		s := dialer(t, SSHOptions{KnownHostsFile: f.KnownHosts})
		if _, err := s.Dial(t.Context(), target); err == nil || !strings.Contains(err.Error(), "--key-passphrase-file") {
			t.Errorf("encrypted key without a passphrase: %v", err)
		}
		asked := 0
		s = dialer(t, SSHOptions{KnownHostsFile: f.KnownHosts, Passphrase: func(string) ([]byte, error) { asked++; return []byte("s3cret"), nil }})
		for range 2 {
			c, err := s.Dial(t.Context(), target)
			if err != nil {
				t.Fatalf("encrypted key with its passphrase: %v", err)
			}
			c.Close()
		}
		if asked != 1 {
			t.Errorf("passphrase asked %d times for one key, want 1", asked)
		}
	})

	t.Run("no more sessions than sshd's MaxSessions", func(t *testing.T) {
		run := func(limit int) error {
			s := dialer(t, SSHOptions{KnownHostsFile: f.KnownHosts, MaxSessions: limit})
			c, err := s.Dial(t.Context(), Target{Name: "host-05", Address: addr("host-05"), Port: 2222, User: f.User, IdentityFile: f.IdentityFile})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			errs := make([]error, 25)
			var wg sync.WaitGroup
			for i := range errs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, errs[i] = c.Run(t.Context(), "sleep 2")
				}()
			}
			wg.Wait()
			return errors.Join(errs...)
		}
		if err := run(DefaultMaxSessions); err != nil {
			t.Errorf("25 commands at once with the default limit: %v", err)
		}
		// Without the limit sshd refuses sessions: the limit is what helps.
		if err := run(25); err == nil {
			t.Error("sshd accepted 25 sessions on one connection; this test proves nothing")
		}
	})
}

// readKeyLine returns "ssh-ed25519 AAAA..." of a fleet host's key.
func readKeyLine(t *testing.T, h *fleet.Host) string {
	t.Helper()
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(readPub(t, h.HostKeyFile()+".pub"))))
}
