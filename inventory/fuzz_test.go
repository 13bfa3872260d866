package inventory

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"
)

// The fuzz tests feed arbitrary input to each parser and to the resolver
// and demand no panic, diagnostics that point into the input, and, when
// loading succeeds, a consistent inventory. Their seeds are in
// testdata/fuzz/ plus every inventory under ../testdata.

func addSeeds(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(b)
			}
		}
	}
}

func checkLoad(t *testing.T, name string, inv *Inventory, diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Subject == nil || d.Subject.Filename != name {
			t.Fatalf("diagnostic %q does not point into the input: %v", d.Summary, d.Subject)
		}
		if d.Subject.Start.Byte > d.Subject.End.Byte || d.Subject.Start.Line < 1 || d.Subject.Start.Column < 1 {
			t.Fatalf("diagnostic %q has a bad range %v", d.Summary, d.Subject)
		}
	}
	if inv == nil {
		return
	}
	hosts := map[string]bool{}
	for _, h := range inv.Hosts {
		if hosts[h.Name] {
			t.Fatalf("host %q twice", h.Name)
		}
		hosts[h.Name] = true
		if h.Port < 1 || h.Port > 65535 || h.Vars == nil {
			t.Fatalf("host %+v", h)
		}
		for _, g := range h.Groups {
			if grp := inv.Group(g); grp == nil || !slices.Contains(grp.Hosts, h.Name) {
				t.Fatalf("host %q is in group %q, which does not list it", h.Name, g)
			}
		}
	}
	if all := inv.Group("all"); all == nil || len(all.Hosts) != len(inv.Hosts) {
		t.Fatalf("all does not hold every host")
	}
}

func FuzzLoadINI(f *testing.F) {
	addSeeds(f, "../testdata/inventories/*/*.ini", "../testdata/diagnostics/inventories/*.ini")
	f.Fuzz(func(t *testing.T, src []byte) {
		m := newModel()
		diags := parseINI(m, newTextFile("fuzz.ini", src))
		inv, diags := finish(m, "fuzz.ini", diags)
		checkLoad(t, "fuzz.ini", inv, diags)
	})
}

func FuzzLoadYAML(f *testing.F) {
	addSeeds(f, "../testdata/inventories/*/*.yml", "../testdata/diagnostics/inventories/*.yml")
	f.Fuzz(func(t *testing.T, src []byte) {
		m := newModel()
		diags := parseYAMLInventory(m, newTextFile("fuzz.yml", src), nil)
		inv, diags := finish(m, "fuzz.yml", diags)
		checkLoad(t, "fuzz.yml", inv, diags)
	})
}

func FuzzLoadTOML(f *testing.F) {
	addSeeds(f, "../testdata/inventories/*/*.toml")
	f.Add([]byte("[all.vars]\nx = 1\n[web]\nchildren = [\"db\"]\n[web.hosts]\n\"w[1:3]:22\" = { a = [1, 2] }\n[db.hosts]\nd1 = {}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		m := newModel()
		diags := parseTOMLInventory(m, newTextFile("fuzz.toml", src), nil)
		inv, diags := finish(m, "fuzz.toml", diags)
		checkLoad(t, "fuzz.toml", inv, diags)
	})
}

// FuzzPyValue: any text reads without a panic, and an error (an
// unhashable key) comes with the text given back.
func FuzzPyValue(f *testing.F) {
	for _, seed := range []string{"8080", "'a' 'b'", "{1: 2, True: 3}", "[{[1]: 2}]", "1, 2,", "-(5)", "u'\\x41'", "{{ x }}", "set()", "1+2j", "0o17"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := pyValueErr(s)
		if err != nil && (v.IsNull() || v.Type() != cty.String) {
			t.Fatalf("%q: %v with the value %#v", s, err, v)
		}
	})
}

func FuzzLoadHCL(f *testing.F) {
	addSeeds(f, "../testdata/diagnostics/inventories/*.hcl")
	f.Fuzz(func(t *testing.T, src []byte) {
		file, diags := hclparse.NewParser().ParseHCL(src, "fuzz.hcl")
		if diags.HasErrors() {
			return
		}
		m := newModel()
		diags = decodeHCL(m, file, "/srv/inventory")
		inv, diags := finish(m, "fuzz.hcl", diags)
		checkLoad(t, "fuzz.hcl", inv, diags)
	})
}

const fuzzInventory = `
lonely
[web]
web01
web02
[db]
db01
[prod]
web01
db01
[site:children]
web
db
`

func FuzzLimit(f *testing.F) {
	for _, seed := range []string{"web", "web:db", "web,&prod", "site:!db01", "~web0[12]", "w*", "@retry", "!web", "&", "~(", "[", "a,,b:c"} {
		f.Add(seed)
	}
	m := newModel()
	inv, diags := finish(m, "fuzz.ini", parseINI(m, newTextFile("fuzz.ini", []byte(fuzzInventory))))
	if diags.HasErrors() {
		f.Fatal(diags.Error())
	}
	// @FILE reads a fixed host list rather than the file system.
	readFile := func(string) ([]byte, error) { return []byte("web01\n!db01\n"), nil }
	f.Fuzz(func(t *testing.T, pattern string) {
		terms, err := limitTerms([]string{pattern}, readFile)
		if err != nil {
			return
		}
		e := inv.evaluator()
		chosen, err := e.evaluate(terms)
		if err != nil {
			return
		}
		seen := map[*Host]bool{}
		for _, h := range chosen {
			if !slices.Contains(inv.Hosts, h) || seen[h] {
				t.Fatalf("%q chose a host that is not in the inventory, or twice", pattern)
			}
			seen[h] = true
		}
		if strings.TrimSpace(pattern) == "all" && len(chosen) != len(inv.Hosts) {
			t.Fatalf("%q did not choose every host", pattern)
		}
	})
}
