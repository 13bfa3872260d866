package playbooks

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

const hostPlaybook = `
playbook { name = "per host" }
variable "users" { default = { alice = "/bin/sh", bob = "/bin/ash" } }
handler "reload" {
  command "reload" { run = "true" }
}
phase "p" {
  command "static" {
    run  = "echo static"
    tags = ["base"]
  }
  command "greet" {
    run    = "echo ${host.name} ${host.vars.role} ${join(",", host.groups)}"
    notify = ["reload"]
    tags   = ["greet"]
  }
  command "alpine only" {
    run  = "echo ${facts.os_id}"
    when = facts.os_id == "alpine"
  }
  command "user" {
    for_each = var.users
    run      = "echo ${each.key} ${each.value}"
    tags     = ["always"]
  }
  command "pkg" {
    for_each = host.vars.pkgs
    run      = "echo ${each.value}"
  }
  command "kernel" {
    run      = "uname -r"
    register = "kernel"
  }
  command "show" {
    run  = "echo ${registered.kernel.stdout}"
    when = !registered.kernel.skipped
  }
}
`

func loadString(t *testing.T, src string) *Playbook {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.hcl")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := &Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
	pb, diags := l.Load(path, nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return pb
}

func TestInstancesPerHost(t *testing.T) {
	pb := loadString(t, hostPlaybook)
	if !pb.UsesFacts() {
		t.Error("UsesFacts is false for a playbook that reads facts.os_id")
	}
	steps := map[string]*Step{}
	for _, st := range pb.Phases[0].Steps {
		steps[st.Name] = st
	}
	if steps["static"].Module == nil {
		t.Error("a step with no host values must be decoded at load")
	}
	if steps["greet"].Module != nil {
		t.Error("a step referring to host must be decoded per host")
	}
	scope := &Scope{
		Name: "web1", Address: "10.0.0.1", Groups: []string{"web", "eu"},
		Vars:       map[string]cty.Value{"role": cty.StringVal("front"), "pkgs": cty.TupleVal([]cty.Value{cty.StringVal("b"), cty.StringVal("a"), cty.StringVal("b")})},
		Facts:      map[string]string{"os_id": "debian"},
		Registered: map[string]cty.Value{},
	}
	runs := func(name string) []string {
		t.Helper()
		insts, diags := pb.Instances(steps[name], scope)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", name, diags)
		}
		var out []string
		for _, in := range insts {
			if in.Skip != "" {
				out = append(out, in.Name+": skipped ("+in.Skip+")")
				continue
			}
			out = append(out, in.Name+": "+in.Module.(*modules.Command).Run)
		}
		return out
	}
	check := func(name string, want ...string) {
		t.Helper()
		if got := runs(name); !slices.Equal(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", name, got, want)
		}
	}
	check("greet", "greet: echo web1 front web,eu")
	check("alpine only", "alpine only: skipped (when is false)")
	check("user", "user[alice]: echo alice /bin/sh", "user[bob]: echo bob /bin/ash")
	check("pkg", "pkg[a]: echo a", "pkg[b]: echo b")
	check("show", "show: skipped (when is false)")

	scope.Facts["os_id"] = "alpine"
	scope.Registered["kernel"] = Result{Stdout: "6.1.0"}.Value()
	check("alpine only", "alpine only: echo alpine")
	check("show", "show: echo 6.1.0")

	// A host variable of the wrong shape fails on that host only, clearly.
	scope.Vars["pkgs"] = cty.StringVal("a b")
	if _, diags := pb.Instances(steps["pkg"], scope); !diags.HasErrors() || !strings.Contains(diags.Error(), "for_each") {
		t.Errorf("for_each over a string: got %v, want a for_each error", diags)
	}
}

func TestSelect(t *testing.T) {
	pb := loadString(t, hostPlaybook+`
phase "q" {
  command "later" { run = "true" }
}`)
	names := func(p *Playbook) string {
		var out []string
		for _, ph := range p.Phases {
			for _, st := range ph.Steps {
				out = append(out, ph.Name+"/"+st.Name)
			}
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		sel     Selection
		want    string
		wantErr string
	}{
		{Selection{}, "p/static p/greet p/alpine only p/user p/pkg p/kernel p/show q/later", ""},
		{Selection{Tags: []string{"base"}}, "p/static p/user", ""},
		{Selection{Tags: []string{"base", "greet"}}, "p/static p/greet p/user", ""},
		{Selection{SkipTags: []string{"greet"}}, "p/static p/alpine only p/user p/pkg p/kernel p/show q/later", ""},
		{Selection{Tags: []string{"base"}, SkipTags: []string{"always"}}, "p/static", ""},
		{Selection{StartAt: "q"}, "q/later", ""},
		{Selection{Tags: []string{"bsae"}}, "", `no step has the tag "bsae"`},
		{Selection{StartAt: "r"}, "", `there is no such phase`},
	}
	for _, tt := range tests {
		got, err := pb.Select(tt.sel)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%+v: err %v, want %q", tt.sel, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%+v: %v", tt.sel, err)
			continue
		}
		if names(got) != tt.want {
			t.Errorf("%+v:\n got %s\nwant %s", tt.sel, names(got), tt.want)
		}
	}
	if names(pb) != tests[0].want {
		t.Error("Select changed the playbook it was called on")
	}
}

// TestTemplateVarsFromHost: a template step's vars may hold values known
// only on a host, as templatefile(...) in a file step may; checking the
// playbook without a host still finds a template that names a variable
// vars does not give.
func TestTemplateVarsFromHost(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "motd.tmpl"), []byte("${h} ${r} ${f} ${k} ${e}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := `
playbook { name = "t" }
phase "p" {
  command "kernel" {
    run      = "uname -r"
    register = "k"
  }
  template "motd" {
    source = "motd.tmpl"
    dest   = "/etc/motd"
    vars   = { h = host.name, r = host.vars.role, f = facts.os_id, k = registered.k.stdout, e = "" }
  }
  template "each" {
    for_each = toset(["a"])
    source   = "motd.tmpl"
    dest     = "/etc/motd-${each.key}"
    vars     = { h = host.name, r = "", f = "", k = "", e = each.value }
  }
  file "same through templatefile" {
    path    = "/etc/motd2"
    content = templatefile("motd.tmpl", { h = host.name, r = "", f = "", k = "", e = "" })
  }
}
`
	path := filepath.Join(dir, "p.hcl")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := &Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
	pb, diags := l.Load(path, nil)
	if diags.HasErrors() {
		t.Fatalf("a template with host values in vars does not load: %v", diags)
	}
	scope := &Scope{Name: "web1", Vars: map[string]cty.Value{"role": cty.StringVal("front")},
		Facts: map[string]string{"os_id": "alpine"}, Registered: map[string]cty.Value{"k": Result{Stdout: "6.1"}.Value()}}
	for _, st := range pb.Phases[0].Steps[1:] {
		insts, diags := pb.Instances(st, scope)
		if diags.HasErrors() || len(insts) != 1 || insts[0].Module == nil {
			t.Errorf("%s on a host: %v", st.Name, diags)
		}
	}

	// Without a host, a template naming a variable vars lacks is an error.
	bad := strings.Replace(src, "e = \"\" }\n  }\n  template", "}\n  }\n  template", 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	l = &Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
	if _, diags := l.Load(path, nil); !diags.HasErrors() || !strings.Contains(diags.Error(), "motd.tmpl") {
		t.Errorf("a template naming a variable vars lacks: %v", diags)
	}
}
