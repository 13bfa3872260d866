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

const sample = `
defaults {
  user          = "ops"
  port          = 2222
  identity_file = "keys/id_ed25519"
}

host "web-01" { address = "10.0.0.1" }
host "web-02" {
  address = "10.0.0.2"
  port    = 22
}
host "db-01" {
  address = "10.0.1.1"
  user    = "root"
}
host "cache-01" {}

group "web" { hosts = ["web-01", "web-02"] }
group "db"  { hosts = ["db-01"] }
`

func loadSample(t *testing.T) *inventory.Inventory {
	t.Helper()
	return loadSource(t, "inventory.hcl", sample)
}

func TestDefaultsAndOverrides(t *testing.T) {
	inv := loadSample(t)
	dir := filepath.Dir(inv.Path)
	tests := []struct {
		host, address, user, identity string
		port                          int
		groups                        []string
	}{
		{"web-01", "10.0.0.1", "ops", filepath.Join(dir, "keys/id_ed25519"), 2222, []string{"web"}},
		{"web-02", "10.0.0.2", "ops", filepath.Join(dir, "keys/id_ed25519"), 22, []string{"web"}},
		{"db-01", "10.0.1.1", "root", filepath.Join(dir, "keys/id_ed25519"), 2222, []string{"db"}},
		{"cache-01", "cache-01", "ops", filepath.Join(dir, "keys/id_ed25519"), 2222, nil},
	}
	for _, tt := range tests {
		h := inv.Host(tt.host)
		if h == nil {
			t.Fatalf("host %s missing", tt.host)
		}
		if h.Address != tt.address || h.User != tt.user || h.Port != tt.port || h.IdentityFile != tt.identity || !slices.Equal(h.Groups, tt.groups) {
			t.Errorf("%s = %+v, want address %s user %s port %d identity %s groups %v", tt.host, h, tt.address, tt.user, tt.port, tt.identity, tt.groups)
		}
	}
}

func TestSelectAndLimit(t *testing.T) {
	inv := loadSample(t)
	names := func(hs []*inventory.Host) []string {
		var out []string
		for _, h := range hs {
			out = append(out, h.Name)
		}
		return out
	}
	tests := []struct {
		patterns, limit, want []string
	}{
		{[]string{"all"}, nil, []string{"web-01", "web-02", "db-01", "cache-01"}},
		{[]string{"db", "web"}, nil, []string{"web-01", "web-02", "db-01"}}, // inventory order, not pattern order
		{[]string{"web", "web-01"}, nil, []string{"web-01", "web-02"}},      // no repeats
		{[]string{"all"}, []string{"web-02", "db"}, []string{"web-02", "db-01"}},
		{[]string{"web"}, []string{"db"}, nil},
	}
	for _, tt := range tests {
		hosts, _, err := inv.Select(tt.patterns)
		if err == nil && tt.limit != nil {
			hosts, _, err = inv.Limit(hosts, tt.limit)
		}
		if err != nil {
			t.Fatalf("%v / %v: %v", tt.patterns, tt.limit, err)
		}
		if got := names(hosts); !slices.Equal(got, tt.want) {
			t.Errorf("%v limited to %v = %v, want %v", tt.patterns, tt.limit, got, tt.want)
		}
	}
	if _, warnings, _ := inv.Select([]string{"nosuch"}); len(warnings) != 1 {
		t.Error("selecting an unknown name must warn")
	}
}

// TestReadmeInventoryIsValid loads the inventory shown in README.md.
func TestReadmeInventoryIsValid(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, part := range strings.Split(string(b), "```hcl\n")[1:] {
		src, _, _ := strings.Cut(part, "```")
		if !strings.Contains(src, "host \"") {
			continue
		}
		n++
		path := filepath.Join(t.TempDir(), "inventory.hcl")
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, diags := inventory.LoadHCL(hclparse.NewParser(), path); diags.HasErrors() {
			t.Errorf("README inventory: %s", diags.Error())
		}
	}
	if n == 0 {
		t.Error("README.md shows no inventory")
	}
}

// TestReadmePrecedence checks what README.md's inventories example says
// about precedence.
func TestReadmePrecedence(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var src string
	for _, part := range strings.Split(string(b), "```hcl\n")[1:] {
		if block, _, _ := strings.Cut(part, "```"); strings.Contains(block, "children") {
			src = block
		}
	}
	if src == "" {
		t.Fatal("README.md shows no inventory with child groups")
	}
	inv := loadHCL(t, src)
	if len(inv.Hosts) != 21 {
		t.Errorf("%d hosts, want web01 to web20 and db-01", len(inv.Hosts))
	}
	web, db := inv.Host("web07.example.com"), inv.Host("db-01")
	if web == nil || web.Endpoint() != "ops@web07.example.com:22" || !web.Become || web.BecomeMethod != "doas" ||
		web.Vars["ntp_server"].AsString() != "ntp.example.com" || web.Vars["region"].AsString() != "eu-west" ||
		!slices.Equal(web.Groups, []string{"eu", "web"}) {
		t.Errorf("web07 = %+v", web)
	}
	if db.Endpoint() != "postgres@db-01:2222" || db.Jump != "ops@bastion.example.com:22" ||
		db.Vars["ntp_server"].AsString() != "ntp.db.example.com" || db.Vars["region"].AsString() != "eu-west" {
		t.Errorf("db-01 = %+v", db)
	}
}
