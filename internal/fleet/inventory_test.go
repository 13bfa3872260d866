package fleet

import "testing"

func TestInventoryFormat(t *testing.T) {
	dir := FleetDir("demo")
	hosts := []*Host{newHost(dir, "host-01", "127.83.7.1"), newHost(dir, "host-02", "127.83.7.2")}
	want := `# Local Alpine test fleet "demo" (written by switchback-fleet).
defaults {
  user          = "sbfleet"
  port          = 2222
  identity_file = "/var/lib/switchback-fleet/demo/id_ed25519"
}

host "host-01" {
  address = "127.83.7.1"
}

host "host-02" {
  address = "127.83.7.2"
}

group "fleet" {
  hosts = ["host-01", "host-02"]
}
`
	if got := inventoryHCL("demo", dir+"/id_ed25519", hosts); got != want {
		t.Errorf("inventory:\n%s\nwant:\n%s", got, want)
	}
	if got := knownHostsLine(hosts[0], "ssh-ed25519 AAAAC3Nz"); got != "[127.83.7.1]:2222 ssh-ed25519 AAAAC3Nz" {
		t.Errorf("known_hosts line = %q", got)
	}
}
