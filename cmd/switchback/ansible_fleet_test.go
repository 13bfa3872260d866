package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/switchbackhq/switchback/internal/fleet"
)

// vaultValue takes the !vault text of a variable from the fixture that
// ansible-vault encrypted (password "switchback").
func vaultValue(t *testing.T, name string) string {
	t.Helper()
	src, err := os.ReadFile("../../testdata/inventories/vault/hosts.yml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		All struct {
			Vars map[string]yaml.Node `yaml:"vars"`
		} `yaml:"all"`
	}
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	n, ok := doc.All.Vars[name]
	if !ok || n.Tag != "!vault" {
		t.Fatalf("no !vault %s in the fixture", name)
	}
	return n.Value
}

// TestAnsibleInventoryRun runs a playbook on the fleet through an Ansible
// YAML inventory as Ansible users write them: the old spellings of the
// connection variables, the canary picked with a subscript, a !vault
// value decrypted with --vault-password-file (and masked in the output),
// and a local-connection host that runs refuse by name. What each host
// holds afterwards is read from its filesystem.
func TestAnsibleInventoryRun(t *testing.T) {
	f := fleet.Start(t, 2)
	dir := t.TempDir()
	ciphertext, err := json.Marshal(vaultValue(t, "db_password"))
	if err != nil {
		t.Fatal(err)
	}
	var hosts strings.Builder
	for _, h := range f.Hosts {
		fmt.Fprintf(&hosts, "        %s:\n          ansible_ssh_host: %s\n", h.Name, h.Address)
	}
	inv := writeFile(t, dir, "hosts.yml", fmt.Sprintf(`all:
  vars:
    ansible_ssh_user: %s
    ansible_ssh_port: %d
    ansible_ssh_private_key_file: %s
    db_password: !vault %s
  children:
    web:
      hosts:
%s    local:
      hosts:
        localbox:
          ansible_connection: local
`, fleet.LoginUser, fleet.HostPort, f.IdentityFile, ciphertext, hosts.String()))
	pass := writeFile(t, dir, "vault-pass", "switchback\n")
	pb := writeFile(t, dir, "site.hcl", `
playbook {
  name  = "site"
  hosts = ["all"]
}
phase "p" {
  command "password" {
    run     = "printf '%s' ${shellquote(host.vars.db_password)} > /root/pw; echo stored ${shellquote(host.vars.db_password)}"
    creates = "/root/pw"
  }
}
`)
	args := func(extra ...string) []string {
		return append([]string{"run", pb, "-i", inv, "--vault-password-file", pass, "--known-hosts", f.KnownHosts, "--connect-timeout", "5s"}, extra...)
	}

	// localbox would run on the controller: refused, by name, nothing run.
	code, out := runCLI(t, args()...)
	if code != 1 || !strings.Contains(out, "localbox: ansible_connection") || !strings.Contains(out, "is local, which runs on the controller itself") {
		t.Fatalf("exit %d, want a refusal naming localbox and ansible_connection:\n%s", code, out)
	}
	for _, h := range f.Hosts {
		if _, err := os.Stat(h.Path("/root/pw")); err == nil {
			t.Fatalf("%s was changed by a refused run", h.Name)
		}
	}

	// The canary: web's first host, and only it.
	code, out = runCLI(t, args("--limit", "web[0]")...)
	if code != 0 {
		t.Fatalf("canary run: exit %d\n%s", code, out)
	}
	if b, err := os.ReadFile(f.Hosts[0].Path("/root/pw")); err != nil || string(b) != "s3cret-db-password" {
		t.Errorf("%s: /root/pw = %q, %v; want the decrypted value", f.Hosts[0].Name, b, err)
	}
	if _, err := os.Stat(f.Hosts[1].Path("/root/pw")); err == nil {
		t.Errorf("%s is not the canary but was changed", f.Hosts[1].Name)
	}
	if strings.Contains(out, "s3cret-db-password") || !strings.Contains(out, "stored (sensitive)") {
		t.Errorf("the decrypted value shows in the output:\n%s", out)
	}

	// Without the password, the variable is refused by name.
	code, out = runCLI(t, "run", pb, "-i", inv, "--known-hosts", f.KnownHosts, "--limit", "web")
	if code != 1 || !strings.Contains(out, "db_password is encrypted with Ansible Vault") {
		t.Errorf("exit %d, want db_password refused:\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(f.Hosts[1].Root, "root/pw")); err == nil {
		t.Errorf("%s was changed without the vault password", f.Hosts[1].Name)
	}
}
