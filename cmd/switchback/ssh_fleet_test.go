package main

import (
	"encoding/pem"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/switchbackhq/switchback/internal/fleet"
)

// TestRunThroughJumpHosts: hosts that only a bastion can reach, named in
// the inventory by their ssh_config aliases (HostName, User, Port,
// IdentityFile, ProxyJump) or with the inventory's own jump list, logged
// in with an encrypted key whose passphrase comes from a file.
func TestRunThroughJumpHosts(t *testing.T) {
	f := fleet.Start(t, 3, fleet.Behind("host-01", "host-02"), fleet.Behind("host-02", "host-03"))
	dir := t.TempDir()
	addr := func(name string) string { return f.Host(name).Address }

	raw, err := os.ReadFile(f.IdentityFile)
	if err != nil {
		t.Fatal(err)
	}
	key, err := ssh.ParseRawPrivateKey(raw)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKeyWithPassphrase(key, "ops", []byte("correct horse"))
	if err != nil {
		t.Fatal(err)
	}
	identity := writeFile(t, dir, "id_ops", string(pem.EncodeToMemory(block)))
	passphrase := writeFile(t, dir, "passphrase", "correct horse\n")

	config := writeFile(t, dir, "ssh_config", fmt.Sprintf(`
Host bastion
  HostName %s
Host web
  HostName %s
  ProxyJump bastion
Host *
  User %s
  Port 2222
  IdentityFile %s
  UserKnownHostsFile %s
`, addr("host-01"), addr("host-02"), f.User, identity, f.KnownHosts))
	inventory := writeFile(t, dir, "inventory.hcl", fmt.Sprintf(`
host "web" {}
host "deep" {
  address = %q
  jump    = "bastion,%s:2222"
}
`, addr("host-03"), addr("host-02")))
	playbook := writeFile(t, dir, "mark.hcl", `
playbook { name = "mark" }
phase "mark" {
  command "mark" {
    run     = "hostname > /root/reached-through-jump"
    creates = "/root/reached-through-jump"
  }
}
`)
	code, _ := runCLI(t, "run", playbook, "-i", inventory, "-F", config, "--key-passphrase-file", passphrase)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for host, want := range map[string]string{"host-02": "host-02\n", "host-03": "host-03\n"} {
		b, err := os.ReadFile(f.Host(host).Path("/root/reached-through-jump"))
		if err != nil || string(b) != want {
			t.Errorf("%s: %q %v", host, b, err)
		}
	}
	if _, err := os.Stat(f.Host("host-01").Path("/root/reached-through-jump")); err == nil {
		t.Error("the bastion itself was changed")
	}
	log, _ := os.ReadFile(f.Host("host-01").SSHDLog())
	if n := strings.Count(string(log), "Accepted publickey"); n != 1 {
		t.Errorf("the bastion saw %d logins in one run, want 1", n)
	}

	// Without the passphrase nobody can type it here: a clear error.
	code, out := runCLI(t, "run", playbook, "-i", inventory, "-F", config)
	if code != 3 || !strings.Contains(out, "--key-passphrase-file") {
		t.Errorf("encrypted key without passphrase: exit %d", code)
	}

	// A host that hangs in the middle of a command (behind the bastion) is
	// reported unreachable by the default keepalive: 5s × (3 + 1) at most.
	sleep := writeFile(t, dir, "sleep.hcl", `
playbook { name = "sleep" }
phase "sleep" {
  command "long" { run = "sleep 120" }
}
`)
	type result struct {
		code int
		out  string
	}
	done := make(chan result, 1)
	go func() {
		code, out := runCLI(t, "run", sleep, "-i", inventory, "-F", config, "--key-passphrase-file", passphrase, "--limit", "web")
		done <- result{code, out}
	}()
	time.Sleep(2 * time.Second)
	if err := f.FreezeHost("host-02"); err != nil {
		t.Fatal(err)
	}
	defer f.ThawHost("host-02")
	frozen := time.Now()
	var r result
	select {
	case r = <-done:
	case <-time.After(90 * time.Second):
		t.Fatal("the run still hangs 90s after its host froze")
	}
	took := time.Since(frozen)
	t.Logf("frozen host reported unreachable %s after it froze", took.Round(100*time.Millisecond))
	if r.code != 3 || !strings.Contains(r.out, "UNREACHABLE") || !strings.Contains(r.out, "keepalives") {
		t.Errorf("frozen host: exit %d", r.code)
	}
	if took > 22*time.Second {
		t.Errorf("took %s to notice, more than the 20s bound", took)
	}
}
