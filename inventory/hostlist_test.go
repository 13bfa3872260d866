package inventory_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/inventory"
)

// TestHostListRoundTrip: every name, whatever its bytes, reads back from
// a host list file as it was written (generated names, fixed seed).
func TestHostListRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 21))
	pieces := []string{"w", "*", "?", "[a]", " ", "\t", "\n", "\r", "#", "\"", "\\", "@", "!", "&", "~", ",", ":", "é", "web-01", "\x00"}
	for range 500 {
		var names []string
		for range 1 + rng.IntN(5) {
			var b strings.Builder
			for range 1 + rng.IntN(6) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			names = append(names, b.String())
		}
		got, ok, err := inventory.ParseHostList(inventory.FormatHostList("a comment\nover two lines", names))
		if !ok || err != nil || !slices.Equal(got, names) {
			t.Fatalf("%q read back as %q (%v, %v)", names, got, ok, err)
		}
	}
}

// TestLimitHostList: --limit @FILE with a host list selects exactly the
// hosts it names, even names that read as patterns or hold spaces, and
// warns of a name the inventory lacks; a file without the header is
// still a file of patterns.
func TestLimitHostList(t *testing.T) {
	inv := loadHCL(t, `
host "w*"    { address = "10.0.0.1" }
host "wa"    { address = "10.0.0.2" }
host "wb"    { address = "10.0.0.3" }
host "web 1" { address = "10.0.0.4" }
host "~w"    { address = "10.0.0.5" }
`)
	dir := t.TempDir()
	list := filepath.Join(dir, "failed.txt")
	if err := os.WriteFile(list, inventory.FormatHostList("failed", []string{"w*", "web 1", "~w"}), 0o600); err != nil {
		t.Fatal(err)
	}
	got, _, err := inv.Limit(inv.Hosts, []string{"@" + list})
	if err != nil {
		t.Fatal(err)
	}
	if names := hostNames(got); !slices.Equal(names, []string{"w*", "web 1", "~w"}) {
		t.Errorf("--limit @host-list selects %q", names)
	}
	if err := os.WriteFile(list, inventory.FormatHostList("", []string{"gone"}), 0o600); err != nil {
		t.Fatal(err)
	}
	// As a pattern that matches nothing: a warning, and no host.
	got, warnings, err := inv.Limit(inv.Hosts, []string{"@" + list})
	if err != nil || len(got) != 0 || len(warnings) != 1 || !strings.Contains(warnings[0], `"gone"`) {
		t.Errorf("a host list naming a host the inventory lacks: %q, warnings %q, %v", hostNames(got), warnings, err)
	}
	patterns := filepath.Join(dir, "patterns.txt")
	if err := os.WriteFile(patterns, []byte("w?\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, _, err = inv.Limit(inv.Hosts, []string{"@" + patterns})
	if err != nil {
		t.Fatal(err)
	}
	if names := hostNames(got); !slices.Equal(names, []string{"w*", "wa", "wb"}) {
		t.Errorf("--limit @patterns selects %q", names)
	}
}
