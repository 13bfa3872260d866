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

// The patterns of Ansible's "Patterns: targeting hosts and groups". Every
// expectation here is what ansible -i INVENTORY all --limit PATTERN
// --list-hosts prints with ansible-core 2.14 (TestAgainstAnsible checks
// random ones): hosts come in the order of all, whose hosts are listed
// group by group (prod and staging, children of all, before web and db,
// children of dc).
func TestLimitPatterns(t *testing.T) {
	inv := loadINI(t, patternInventory)
	retry := filepath.Join(t.TempDir(), "site.retry")
	if err := os.WriteFile(retry, []byte("web02\n\ndb02\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	all := []string{"web01", "db01", "web02", "db02", "web03"}
	tests := []struct {
		limit    []string
		want     []string
		warnings []string
	}{
		{[]string{"web"}, []string{"web01", "web02", "web03"}, nil},
		{[]string{"web:db"}, all, nil},
		{[]string{"web,db01"}, []string{"web01", "db01", "web02", "web03"}, nil},
		{[]string{"web", "db01"}, []string{"web01", "db01", "web02", "web03"}, nil},
		{[]string{"web:&prod"}, []string{"web01"}, nil},
		{[]string{"web:!web02"}, []string{"web01", "web03"}, nil},
		{[]string{"dc:&staging:!db02"}, []string{"web02"}, nil},
		// Ansible's order: unions, then &, then !, wherever written.
		{[]string{"!db01:&prod:dc"}, []string{"web01"}, nil},
		{[]string{"&prod"}, []string{"web01", "db01"}, nil},
		{[]string{"!web"}, []string{"db01", "db02"}, nil},
		{[]string{"web0*"}, []string{"web01", "web02", "web03"}, nil},
		{[]string{"*01"}, []string{"web01", "db01"}, nil},
		{[]string{"d?"}, all, nil}, // the group dc
		{[]string{"a*"}, all, nil}, // the group all
		{[]string{"~web0[13]"}, []string{"web01", "web03"}, nil},
		{[]string{"~(web|db)02"}, []string{"web02", "db02"}, nil},
		{[]string{"~.*0(1|3)$"}, []string{"web01", "db01", "web03"}, nil},
		{[]string{"~"}, all, nil},
		{[]string{"all"}, all, nil},
		{[]string{"*"}, all, nil},
		{[]string{"lonely"}, nil, nil},
		{[]string{"ungrouped"}, nil, nil},
		// Subscripts pick from a group's hosts in the group's order
		// (dc: web's, then db's), and both ends of a range count.
		{[]string{"web[0]"}, []string{"web01"}, nil},
		{[]string{"web[-1]"}, []string{"web03"}, nil},
		{[]string{"web[1:]"}, []string{"web02", "web03"}, nil},
		{[]string{"dc[1:3]"}, []string{"db01", "web02", "web03"}, nil},
		// [12] is a subscript of db0, which matches nothing.
		{[]string{"db0[12]"}, nil, []string{"could not match supplied host pattern, ignoring: db0"}},
		// A pattern that matches nothing is a warning; the rest apply.
		{[]string{"nosuch"}, nil, []string{"could not match supplied host pattern, ignoring: nosuch"}},
		{[]string{"web:nosuch"}, []string{"web01", "web02", "web03"}, []string{"could not match supplied host pattern, ignoring: nosuch"}},
		{[]string{"~eb"}, nil, []string{"could not match supplied host pattern, ignoring: ~eb"}}, // matched from the start
		// Without a comma, colons and white space separate patterns, and a
		// [ without its ] is dropped.
		{[]string{"web db"}, all, nil},
		{[]string{"web["}, []string{"web01", "web02", "web03"}, nil},
		{[]string{"@" + retry}, []string{"web02", "db02"}, nil},
		{[]string{"@" + retry + ",&staging,!web"}, []string{"db02"}, nil},
		{[]string{" web01 , "}, []string{"web01"}, nil},
	}
	everyHost, _, err := inv.Select([]string{"all"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		got, warnings, err := inv.Limit(everyHost, tt.limit)
		if err != nil {
			t.Errorf("--limit %q: %v", tt.limit, err)
			continue
		}
		if names := hostNames(got); !slices.Equal(names, tt.want) {
			t.Errorf("--limit %q = %v, want %v", tt.limit, names, tt.want)
		}
		if !slices.Equal(warnings, tt.warnings) {
			t.Errorf("--limit %q warns %q, want %q", tt.limit, warnings, tt.warnings)
		}
	}
}

func TestLimitPatternErrors(t *testing.T) {
	inv := loadINI(t, patternInventory)
	tests := []struct {
		limit []string
		want  string
	}{
		{[]string{"web[5]"}, `no hosts matched the subscripted pattern "web[5]"`},
		{[]string{"~("}, `"~(" is not a regular expression switchback can read`},
		{[]string{"~(?=web)"}, `lacks look-arounds`},
		{[]string{"web:&"}, `"&" must be followed by a host, a group or a pattern`},
		{[]string{"!"}, `"!" must be followed`},
		{[]string{"@"}, `"@" needs a file name`},
		{[]string{"@/nonexistent/retry"}, `reading the hosts of @/nonexistent/retry`},
		{[]string{""}, `no pattern given`},
		{[]string{":", ", ,"}, `no pattern given`},
	}
	for _, tt := range tests {
		_, _, err := inv.Limit(inv.Hosts, tt.limit)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "--limit: ") {
			t.Errorf("--limit %q: error %v, want one containing %q", tt.limit, err, tt.want)
		}
	}
}

// A playbook's hosts take the same patterns, and give hosts in the order
// of the patterns (as ansible PATTERN --list-hosts prints them); the
// elements of the list make one pattern, so & applies to all of them.
func TestSelectPatterns(t *testing.T) {
	inv := loadINI(t, patternInventory)
	for _, tt := range []struct {
		patterns []string
		want     []string
	}{
		{[]string{"db", "web:&staging"}, []string{"db02", "web02"}},
		{[]string{"dc"}, []string{"web01", "web02", "web03", "db01", "db02"}},
		{[]string{"dc[0]"}, []string{"web01"}},
		{[]string{"web:db"}, []string{"web01", "web02", "web03", "db01", "db02"}},
		{[]string{"db01", "web"}, []string{"db01", "web01", "web02", "web03"}},
	} {
		got, warnings, err := inv.Select(tt.patterns)
		if err != nil || len(warnings) > 0 {
			t.Fatalf("Select(%q): %v %v", tt.patterns, warnings, err)
		}
		if names := hostNames(got); !slices.Equal(names, tt.want) {
			t.Errorf("Select(%q) = %v, want %v", tt.patterns, names, tt.want)
		}
	}
	if got, warnings, err := inv.Select([]string{"web*x"}); err != nil || len(got) != 0 ||
		!slices.Equal(warnings, []string{"could not match supplied host pattern, ignoring: web*x"}) {
		t.Errorf("Select(web*x): %v %q %v", got, warnings, err)
	}
}
