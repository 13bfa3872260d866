package playbooks

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestTopoSort(t *testing.T) {
	tests := []struct {
		name   string
		nodes  string
		deps   map[string]string
		order  string
		cycles []string
	}{
		{"no deps keeps order", "a b c", nil, "a b c", nil},
		{"moves a node after its dependency", "a b c", map[string]string{"a": "c"}, "b c a", nil},
		{"stable among free nodes", "d c b a", map[string]string{"d": "a", "c": "a"}, "b a d c", nil},
		{"chain", "c b a", map[string]string{"c": "b", "b": "a"}, "a b c", nil},
		{"unknown names ignored", "a", map[string]string{"a": "zz"}, "a", nil},
		{"cycle", "a b c d", map[string]string{"a": "b", "b": "c", "c": "a", "d": "a"}, "", []string{"a b c"}},
		{"self", "a b", map[string]string{"a": "a"}, "b", []string{"a"}},
		{"two cycles", "a b c d", map[string]string{"a": "b", "b": "a", "c": "d", "d": "c"}, "", []string{"a b", "c d"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			order, cycles := topoSort(strings.Fields(tt.nodes), func(n string) []string { return strings.Fields(tt.deps[n]) })
			if got := strings.Join(order, " "); got != tt.order {
				t.Errorf("order = %q, want %q", got, tt.order)
			}
			var got []string
			for _, c := range cycles {
				got = append(got, strings.Join(c, " "))
			}
			if !slices.Equal(got, tt.cycles) {
				t.Errorf("cycles = %q, want %q", got, tt.cycles)
			}
		})
	}
}

func phasesSource(deps map[string]string, names ...string) string {
	var b strings.Builder
	b.WriteString("playbook { name = \"p\" }\n")
	for _, n := range names {
		fmt.Fprintf(&b, "phase %q {\n", n)
		if d, ok := deps[n]; ok {
			fmt.Fprintf(&b, "  depends_on = [%s]\n", d)
		}
		fmt.Fprintf(&b, "  command \"c\" { run = \"true\" }\n}\n")
	}
	return b.String()
}

func TestPhaseOrder(t *testing.T) {
	tests := []struct {
		name  string
		deps  map[string]string
		order string
		errs  []string
	}{
		{"file order", nil, "base users app", nil},
		{"moved after its dependency", map[string]string{"base": `"users"`}, "users base app", nil},
		{"already in order", map[string]string{"app": `"base", "users"`}, "base users app", nil},
		{"duplicates are harmless", map[string]string{"app": `"base", "base"`}, "base users app", nil},
		{"unknown", map[string]string{"app": `"bsae"`}, "", []string{"Unknown phase in depends_on", `depends on "bsae"`, "base, users, app", "p.hcl:9,17-23"}},
		{"itself", map[string]string{"app": `"app"`}, "", []string{"Phase depends on itself", "p.hcl:9,17-22"}},
		{"cycle", map[string]string{"base": `"app"`, "app": `"users"`, "users": `"base"`}, "", []string{
			"Phases depend on each other in a cycle",
			`phase "base" (line 2) depends on "app" on line 3`, "p.hcl:2,1-13",
			`phase "app" (line 10) depends on "users" on line 11`,
			`phase "users" (line 6) depends on "base" on line 7`,
		}},
		{"not a literal", map[string]string{"app": `var.x`}, "", []string{"Invalid depends_on", "literal strings"}},
		{"not a list", map[string]string{"app": `"base"] #`}, "", []string{"p.hcl:9,16-22", "depends_on is a list of phase names"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			deps := tt.deps
			if d, ok := deps["app"]; ok && strings.HasSuffix(d, "] #") {
				deps = map[string]string{"app": `"base"`}
				src := strings.Replace(phasesSource(deps, "base", "users", "app"), `depends_on = ["base"]`, `depends_on = "base"`, 1)
				_, diags := loadSource(t, src, nil, nil)
				wantError(t, diags, tt.errs...)
				return
			}
			pb, diags := loadSource(t, phasesSource(deps, "base", "users", "app"), nil, nil)
			if tt.errs != nil {
				wantError(t, diags, tt.errs...)
				return
			}
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			var got []string
			for _, ph := range pb.Phases {
				got = append(got, ph.Name)
			}
			if strings.Join(got, " ") != tt.order {
				t.Errorf("order = %q, want %q", got, tt.order)
			}
		})
	}
}
