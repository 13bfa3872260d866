package inventory_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/switchbackhq/switchback/inventory"
)

const hclFleet = `
defaults {
  user   = "ops"
  become = true
  vars = {
    ntp    = "defaults"
    tier   = "defaults"
    region = "eu"
  }
}

host "web[01:03].example.com" {
  vars = { tier = "host" }
}

host "db-[a:b]" {
  port          = 2222
  become_method = "sudo"
  jump          = "admin@bastion.example.com:2222"
}

host "cache" {
  address = "192.0.2.7"
  become  = false
}

group "eu" {
  children = ["web", "db"]
  vars     = { ntp = "eu", region = "eu-west" }
}

group "web" {
  hosts = ["web[01:03].example.com"]
  vars  = { ntp = "web" }
}

group "db" {
  hosts = ["db-[a:b]"]
  user  = "postgres"
  vars  = { tier = "db", ntp = "db" }
}

group "b_team" {
  hosts = ["web01.example.com"]
  vars  = { team = "b" }
}

group "a_team" {
  hosts = ["web01.example.com"]
  vars  = { team = "a", ntp = "a_team" }
}
`

func loadHCL(t *testing.T, src string) *inventory.Inventory {
	t.Helper()
	return loadSource(t, "inventory.hcl", src)
}

// TestHCLPrecedence checks the precedence README.md documents:
// defaults < parent group < child group < host, groups of the same depth
// in name order (the later name wins).
func TestHCLPrecedence(t *testing.T) {
	inv := loadHCL(t, hclFleet)
	if names := hostNames(inv.Hosts); !slices.Equal(names, []string{
		"web01.example.com", "web02.example.com", "web03.example.com", "db-a", "db-b", "cache"}) {
		t.Fatalf("hosts = %v", names)
	}
	s := cty.StringVal
	tests := []struct {
		host, endpoint, method, jump string
		become                       bool
		groups                       []string
		vars                         map[string]cty.Value
	}{
		// web01 is in a_team, b_team and eu (depth 1) and web (depth 2):
		// web's ntp beats eu's and a_team's; b_team's team beats a_team's;
		// the host's tier beats the defaults'.
		{"web01.example.com", "ops@web01.example.com:22", "doas", "", true, []string{"a_team", "b_team", "eu", "web"},
			map[string]cty.Value{"ntp": s("web"), "tier": s("host"), "region": s("eu-west"), "team": s("b")}},
		{"web03.example.com", "ops@web03.example.com:22", "doas", "", true, []string{"eu", "web"},
			map[string]cty.Value{"ntp": s("web"), "tier": s("host"), "region": s("eu-west")}},
		// The db group's user beats the defaults'; the host's port and
		// become_method apply; become comes from the defaults.
		{"db-b", "postgres@db-b:2222", "sudo", "admin@bastion.example.com:2222", true, []string{"db", "eu"},
			map[string]cty.Value{"ntp": s("db"), "tier": s("db"), "region": s("eu-west")}},
		{"cache", "ops@192.0.2.7:22", "", "", false, nil,
			map[string]cty.Value{"ntp": s("defaults"), "tier": s("defaults"), "region": s("eu")}},
	}
	for _, tt := range tests {
		h := inv.Host(tt.host)
		if h.Endpoint() != tt.endpoint || h.Become != tt.become || h.BecomeMethod != tt.method || h.Jump != tt.jump {
			t.Errorf("%s: %s become %v %q jump %q; want %s %v %q %q", tt.host, h.Endpoint(), h.Become, h.BecomeMethod, h.Jump,
				tt.endpoint, tt.become, tt.method, tt.jump)
		}
		if !slices.Equal(h.Groups, tt.groups) {
			t.Errorf("%s: groups %v, want %v", tt.host, h.Groups, tt.groups)
		}
		checkVars(t, tt.host, h.Vars, tt.vars)
	}

	eu := inv.Group("eu")
	if !slices.Equal(eu.Hosts, []string{"web01.example.com", "web02.example.com", "web03.example.com", "db-a", "db-b"}) ||
		!slices.Equal(eu.Children, []string{"web", "db"}) || len(eu.Members) != 0 {
		t.Errorf("eu = %+v", eu)
	}
	if got := inv.Group("ungrouped").Hosts; !slices.Equal(got, []string{"cache"}) {
		t.Errorf("ungrouped = %v", got)
	}
	if got := inv.Group("all").Children; !slices.Equal(got, []string{"ungrouped", "eu", "b_team", "a_team"}) {
		t.Errorf("children of all = %v", got)
	}
}

// Connection settings follow the same precedence as variables, and
// relative identity files are relative to the inventory file.
func TestHCLSettingsOnGroupsAndDefaults(t *testing.T) {
	inv := loadHCL(t, `
defaults {
  identity_file = "keys/id"
  become_method = "sudo"
}
group "edge" {
  hosts  = ["gw"]
  become = true
  jump   = "bastion"
}
host "gw" {}
`)
	h := inv.Host("gw")
	if !h.Become || h.BecomeMethod != "sudo" || h.Jump != "bastion" || h.IdentityFile != filepath.Join(filepath.Dir(inv.Path), "keys/id") {
		t.Errorf("gw = %+v", h)
	}
}
