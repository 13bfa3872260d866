package inventory_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/inventory"
)

const patternInventory = `
web01

[web]
web01
web02
web03

[db]
db01
db02

[prod]
web01
db01

[staging]
web02
db02

[dc:children]
web
db

[lonely]
`

func loadINI(t *testing.T, src string) *inventory.Inventory {
	t.Helper()
	return loadSource(t, "hosts", src)
}

func hostNames(hs []*inventory.Host) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Name)
	}
	return out
}

// The patterns of Ansible's "Patterns: targeting hosts and groups".
func TestLimitPatterns(t *testing.T) {
	inv := loadINI(t, patternInventory)
	retry := filepath.Join(t.TempDir(), "site.retry")
	if err := os.WriteFile(retry, []byte("web02\n\ndb02\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		limit []string
		want  []string
	}{
		{[]string{"web"}, []string{"web01", "web02", "web03"}},
		{[]string{"web:db"}, []string{"web01", "web02", "web03", "db01", "db02"}},
		{[]string{"web,db01"}, []string{"web01", "web02", "web03", "db01"}},
		{[]string{"web", "db01"}, []string{"web01", "web02", "web03", "db01"}},
		{[]string{"web:&prod"}, []string{"web01"}},
		{[]string{"web:!web02"}, []string{"web01", "web03"}},
		{[]string{"dc:&staging:!db02"}, []string{"web02"}},
		// Ansible's order: unions, then &, then !, wherever written.
		{[]string{"!db01:&prod:dc"}, []string{"web01"}},
		{[]string{"&prod"}, []string{"web01", "db01"}},
		{[]string{"!web"}, []string{"db01", "db02"}},
		{[]string{"web0*"}, []string{"web01", "web02", "web03"}},
		{[]string{"*01"}, []string{"web01", "db01"}},
		{[]string{"db0[12]"}, []string{"db01", "db02"}},
		{[]string{"d?"}, []string{"web01", "web02", "web03", "db01", "db02"}}, // the group dc
		{[]string{"~web0[13]"}, []string{"web01", "web03"}},
		{[]string{"~(web|db)02"}, []string{"web02", "db02"}},
		{[]string{"~.*0(1|3)$"}, []string{"web01", "web03", "db01"}},
		{[]string{"all"}, []string{"web01", "web02", "web03", "db01", "db02"}},
		{[]string{"*"}, []string{"web01", "web02", "web03", "db01", "db02"}},
		{[]string{"lonely"}, nil},
		{[]string{"ungrouped"}, nil},
		{[]string{"@" + retry}, []string{"web02", "db02"}},
		{[]string{"@" + retry + ",&staging,!web"}, []string{"db02"}},
		{[]string{" web01 , "}, []string{"web01"}},
	}
	for _, tt := range tests {
		got, err := inv.Limit(inv.Hosts, tt.limit)
		if err != nil {
			t.Errorf("--limit %q: %v", tt.limit, err)
			continue
		}
		if names := hostNames(got); !slices.Equal(names, tt.want) {
			t.Errorf("--limit %q = %v, want %v", tt.limit, names, tt.want)
		}
	}
}

func TestLimitPatternErrors(t *testing.T) {
	inv := loadINI(t, patternInventory)
	tests := []struct {
		limit []string
		want  string
	}{
		{[]string{"nosuch"}, `has no host or group named "nosuch"`},
		{[]string{"web:nosuch"}, `named "nosuch"`},
		{[]string{"web:!nosuch"}, `named "nosuch"`},
		{[]string{"nope*"}, `has no host or group matching "nope*"`},
		{[]string{"~eb"}, `matching "~eb"`}, // anchored at the start, as Ansible's re.match
		{[]string{"~("}, `"~(" is not a valid regular expression`},
		{[]string{"~"}, `~ must be followed by a regular expression`},
		{[]string{"web:&"}, `"&" must be followed by a host, a group or a pattern`},
		{[]string{"!"}, `"!" must be followed`},
		{[]string{"web["}, `"web[" is not a valid glob`},
		{[]string{"@"}, `"@" needs a file name`},
		{[]string{"@/nonexistent/retry"}, `reading the hosts of @/nonexistent/retry`},
		{[]string{""}, `no pattern given`},
		{[]string{":", ", ,"}, `no pattern given`},
		{[]string{"web db"}, `contains a space`},
	}
	for _, tt := range tests {
		_, err := inv.Limit(inv.Hosts, tt.limit)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "--limit: ") {
			t.Errorf("--limit %q: error %v, want one containing %q", tt.limit, err, tt.want)
		}
	}
}

// A playbook's hosts take the same patterns; the elements of the list
// make one pattern, so & applies to all of them, as in Ansible.
func TestSelectPatterns(t *testing.T) {
	inv := loadINI(t, patternInventory)
	got, err := inv.Select([]string{"db", "web:&staging"})
	if err != nil {
		t.Fatal(err)
	}
	if names := hostNames(got); !slices.Equal(names, []string{"web02", "db02"}) {
		t.Errorf("Select = %v", names)
	}
	if _, err := inv.Select([]string{"web*x"}); err == nil || !strings.Contains(err.Error(), `matching "web*x"`) {
		t.Errorf("Select(web*x): %v", err)
	}
}
