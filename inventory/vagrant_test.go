package inventory_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/inventory"
)

// sshConfig is what 'vagrant ssh-config' prints for two machines (Vagrant
// 2.4, VirtualBox provider), the second with a key path holding a space.
const sshConfig = `Host alpine-1
  HostName 127.0.0.1
  User vagrant
  Port 2222
  UserKnownHostsFile /dev/null
  StrictHostKeyChecking no
  PasswordAuthentication no
  IdentityFile /home/ops/rehearse/.vagrant/machines/alpine-1/virtualbox/private_key
  IdentitiesOnly yes
  LogLevel FATAL
  PubkeyAcceptedKeyTypes +ssh-rsa
  HostKeyAlgorithms +ssh-rsa

Host alpine-2
  HostName 127.0.0.1
  User vagrant
  Port=2200
  IdentityFile "/home/ops/my vms/.vagrant/machines/alpine-2/virtualbox/private_key"
  IdentityFile /home/ops/.vagrant.d/insecure_private_key
`

func TestVagrantSSHConfig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ssh-config")
	if err := os.WriteFile(path, []byte(sshConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	inv, _ := mustLoad(t, "vagrant:"+path)
	want := []inventory.Host{
		{Name: "alpine-1", Address: "127.0.0.1", Port: 2222, User: "vagrant",
			IdentityFile: "/home/ops/rehearse/.vagrant/machines/alpine-1/virtualbox/private_key"},
		{Name: "alpine-2", Address: "127.0.0.1", Port: 2200, User: "vagrant",
			IdentityFile: "/home/ops/my vms/.vagrant/machines/alpine-2/virtualbox/private_key"},
	}
	if len(inv.Hosts) != len(want) {
		t.Fatalf("%d hosts, want %d", len(inv.Hosts), len(want))
	}
	for i, w := range want {
		h := inv.Hosts[i]
		if h.Name != w.Name || h.Address != w.Address || h.Port != w.Port || h.User != w.User || h.IdentityFile != w.IdentityFile {
			t.Errorf("host %d = %+v, want %+v", i, *h, w)
		}
		if !h.Become || h.BecomeMethod != inventory.BecomeSudo || !slices.Equal(h.Groups, []string{"vagrant"}) {
			t.Errorf("%s: become %v %q, groups %v; want sudo, in group vagrant", h.Name, h.Become, h.BecomeMethod, h.Groups)
		}
	}
}

func TestVagrantSSHConfigErrors(t *testing.T) {
	for name, c := range map[string]struct{ src, want string }{
		"no address":   {"Host a\n  User vagrant\n", "test.cfg:1,1-7: Machine without an address"},
		"pattern":      {"Host *\n  HostName 10.0.0.1\n", "test.cfg:1,1-7: Invalid Host line"},
		"outside host": {"HostName 10.0.0.1\n", "test.cfg:1,1-18: Setting outside a Host block"},
		"bad port":     {"Host a\n  HostName 10.0.0.1\n  Port 0\n", "test.cfg:3,3-9: Invalid port"},
		"twice":        {"Host a\n  HostName 10.0.0.1\nHost a\n  HostName 10.0.0.2\n", "test.cfg:3,1-7: Duplicate machine"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "test.cfg"), []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			inv, diags := inventory.Load(hclparse.NewParser(), "vagrant:test.cfg")
			if inv != nil || !strings.Contains(diags.Error(), c.want) {
				t.Errorf("got %v; want %q", diags, c.want)
			}
		})
	}
}

// TestVagrantRunsSSHConfig: "vagrant:" and "vagrant:DIR" run 'vagrant
// ssh-config' in that directory; here a vagrant script stands in for
// Vagrant (no hypervisor on a test machine) and records where it ran.
func TestVagrantRunsSSHConfig(t *testing.T) {
	bin, project := t.TempDir(), t.TempDir()
	script := "#!/bin/sh\npwd > \"$(dirname \"$0\")/ran-in\"\n[ \"$*\" = ssh-config ] || exit 2\n[ -e Vagrantfile ] || { echo 'A Vagrant environment or target machine is required to run this command.' >&2; exit 1; }\ncat <<'EOF'\n" + sshConfig + "EOF\n"
	if err := os.WriteFile(filepath.Join(bin, "vagrant"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	if err := os.WriteFile(filepath.Join(project, "Vagrantfile"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	ranIn := func() string {
		b, _ := os.ReadFile(filepath.Join(bin, "ran-in"))
		return strings.TrimSpace(string(b))
	}

	inv, _ := mustLoad(t, "vagrant:"+project)
	if len(inv.Hosts) != 2 || ranIn() != project {
		t.Errorf("vagrant:DIR: %d hosts, ran in %q", len(inv.Hosts), ranIn())
	}
	t.Chdir(project)
	if inv, _ := mustLoad(t, "vagrant:"); len(inv.Hosts) != 2 || inv.Host("alpine-2").Port != 2200 {
		t.Errorf("vagrant: read %v", inv.Hosts)
	}
	t.Chdir(t.TempDir())
	_, diags := inventory.Load(hclparse.NewParser(), "vagrant:")
	if !diags.HasErrors() || !strings.Contains(diags.Error(), "A Vagrant environment or target machine is required") {
		t.Errorf("outside a project: %v", diags)
	}
}
