package inventory_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"

	"github.com/switchbackhq/switchback/inventory"
)

// writeFiles creates files (path: content) under a new directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustLoad(t *testing.T, source string) (*inventory.Inventory, hcl.Diagnostics) {
	t.Helper()
	inv, diags := inventory.Load(hclparse.NewParser(), source)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", source, diags.Error())
	}
	return inv, diags
}

func TestLoadPicksTheFormat(t *testing.T) {
	ini := "[web]\nweb01 ansible_port=2222\n"
	yml := "all:\n  children:\n    web:\n      hosts:\n        web01:\n          ansible_port: 2222\n"
	dir := writeFiles(t, map[string]string{
		"hosts": ini, "inventory.ini": ini, "inventory.cfg": ini,
		"yaml-without-extension": yml, "inventory.yml": yml, "inventory.yaml": yml,
		"inventory.json": `{"all": {"children": {"web": {"hosts": {"web01": {"ansible_port": 2222}}}}}}`,
		"inventory.hcl":  "host \"web01\" {\n  port = 2222\n}\ngroup \"web\" {\n  hosts = [\"web01\"]\n}\n",
	})
	for _, name := range []string{"hosts", "inventory.ini", "inventory.cfg", "yaml-without-extension", "inventory.yml", "inventory.yaml", "inventory.json", "inventory.hcl"} {
		inv, _ := mustLoad(t, filepath.Join(dir, name))
		if h := inv.Host("web01"); h == nil || h.Port != 2222 || !slices.Equal(h.Groups, []string{"web"}) {
			t.Errorf("%s: web01 = %+v", name, h)
		}
	}
}

func TestLoadErrorsWithoutAFile(t *testing.T) {
	for source, want := range map[string]string{
		"vagrant:/srv/vm":    "Inventory not found",
		"/nonexistent/hosts": "Inventory not found",
	} {
		inv, diags := inventory.Load(hclparse.NewParser(), source)
		if inv != nil || !diags.HasErrors() || diags[0].Summary != want {
			t.Errorf("%s: %v, %v; want %q", source, inv, diags, want)
		}
	}
}

// The ini plugin as ansible-inventory 2.14 reads this file: hosts outside
// a section are ungrouped, and so is a host only [all] lists (added last,
// when the file is read); every value, inline or in [g:vars], is a Python
// literal where it is one ("value # c" is not, so the comment stays);
// host:port sets ansible_port when the host is declared, and an
// ansible_port on the same line wins.
func TestINIDetails(t *testing.T) {
	inv := loadINI(t, `# a comment
; another comment
plain

[all]
in-all

[ungrouped]
explicit

[web]
web1 ansible_host=192.0.2.1 note="two words" list="[1, 'a']" # comment
web2:2200 ansible_become=True ansible_user='deploy'
web3:2201 ansible_port=9999
[::1]:2222
fe80::1

[web:vars]
quoted="a # not a comment"
spaced = value with spaces # a comment
empty=
number=8080
flag=True

[all:vars]
ansible_become_method=sudo
`)
	if got := inv.Group("ungrouped").Hosts; !slices.Equal(got, []string{"plain", "explicit", "in-all"}) {
		t.Errorf("ungrouped = %v", got)
	}
	if got := inv.Group("web").Hosts; !slices.Equal(got, []string{"web1", "web2", "web3", "::1", "fe80::1"}) {
		t.Errorf("web = %v", got)
	}
	web1, web2, v6 := inv.Host("web1"), inv.Host("web2"), inv.Host("::1")
	if web1.Address != "192.0.2.1" || web2.Port != 2200 || !web2.Become || web2.BecomeMethod != "sudo" || web2.User != "deploy" ||
		inv.Host("web3").Port != 9999 || v6.Port != 2222 || inv.Host("fe80::1").Port != 22 {
		t.Errorf("web1 %+v\nweb2 %+v\n::1 %+v", web1, web2, v6)
	}
	s := cty.StringVal
	checkVars(t, "web1", web1.Vars, map[string]cty.Value{
		"note": s("two words"), "list": cty.TupleVal([]cty.Value{cty.NumberIntVal(1), s("a")}),
		"quoted": s("a # not a comment"), "spaced": s("value with spaces # a comment"), "empty": s(""),
		"number": cty.NumberIntVal(8080), "flag": cty.True,
		"ansible_host": s("192.0.2.1"), "ansible_become_method": s("sudo"),
	})
}

// The yaml plugin reads a string where a mapping is expected as a mapping
// with that one key, and skips (with a warning) a key whose value is not
// a mapping. Its values are YAML 1.1, as PyYAML reads them. A child that
// is not a group definition is skipped, but its parent then names a group
// that does not exist, which fails the file. (As ansible-inventory 2.14
// reads both files.)
func TestYAMLDetails(t *testing.T) {
	dir := writeFiles(t, map[string]string{"hosts.yml": `
all:
  hosts: single-host
  vars:
    enabled: yes
    quoted: "yes"
    none:
    base: &base {a: 1, b: 2}
    merged:
      <<: *base
      b: 3
  children:
    web:
      hosts:
        w1:
        w2:2222:
      color: blue
`, "broken.yml": "all:\n  children:\n    broken: [a, b]\n"})
	inv, diags := mustLoad(t, filepath.Join(dir, "hosts.yml"))
	var warnings []string
	for _, d := range diags {
		warnings = append(warnings, d.Summary)
	}
	if !slices.Equal(warnings, []string{"Key skipped"}) {
		t.Errorf("warnings = %q", warnings)
	}
	if _, diags := inventory.Load(hclparse.NewParser(), filepath.Join(dir, "broken.yml")); !diags.HasErrors() ||
		!slices.ContainsFunc(diags, func(d *hcl.Diagnostic) bool {
			return strings.Contains(d.Detail, `"broken" is neither a known host nor a known group`)
		}) {
		t.Errorf("broken.yml: %v", diags)
	}
	if names := hostNames(inv.Hosts); !slices.Equal(names, []string{"single-host", "w1", "w2"}) {
		t.Errorf("hosts = %v", names)
	}
	if inv.Host("w2").Port != 2222 {
		t.Errorf("w2 = %+v", inv.Host("w2"))
	}
	n := cty.NumberIntVal
	base := cty.ObjectVal(map[string]cty.Value{"a": n(1), "b": n(2)})
	checkVars(t, "w1", inv.Host("w1").Vars, map[string]cty.Value{
		"enabled": cty.True, "quoted": cty.StringVal("yes"), "none": cty.NullVal(cty.DynamicPseudoType),
		"base": base, "merged": cty.ObjectVal(map[string]cty.Value{"a": n(1), "b": n(3)}),
	})
}

// Files in a directory merge in name order, whatever their format; a
// later file's value for the same group wins ("Managing inventory
// variable load order"). group_vars/ of the directory applies to all.
// As in Ansible 2.14, .ini files are skipped in a directory, and so are
// files that configure inventory plugins (with a warning each here).
func TestLoadDirectory(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"01-hosts":             "[web]\nweb01\n\n[all:vars]\nmyvar=1\n",
		"015-skipped.ini":      "[skipped]\nskipped01\n",
		"016-aws.yml":          "plugin: amazon.aws.aws_ec2\nregions: [eu-west-1]\n",
		"02-more.yml":          "all:\n  vars:\n    myvar: 2\n  children:\n    db:\n      hosts:\n        db01:\n",
		"03-hcl/edge.hcl":      "host \"edge01\" {}\ngroup \"edge\" {\n  hosts = [\"edge01\"]\n}\ndefaults {\n  vars = { myvar = 3 }\n}\n",
		"README.md":            "# not an inventory\n",
		"hosts.retry":          "web01\n",
		".hidden":              "[nope]\nnope01\n",
		"group_vars/edge.yml":  "from_group_vars: edge\n",
		"host_vars/web01.yaml": "from_host_vars: web01\n",
	})
	inv, diags := mustLoad(t, dir)
	if names := hostNames(inv.Hosts); !slices.Equal(names, []string{"web01", "db01", "edge01"}) {
		t.Fatalf("hosts = %v", names)
	}
	var warnings []string
	for _, d := range diags {
		warnings = append(warnings, d.Summary)
	}
	if !slices.Equal(warnings, []string{"File skipped", "Inventory plugin skipped"}) ||
		!strings.Contains(diags[1].Detail, "amazon.aws.aws_ec2") {
		t.Errorf("warnings: %v", diags)
	}
	for _, h := range inv.Hosts {
		if v := h.Vars["myvar"]; !v.RawEquals(cty.NumberIntVal(3)) {
			t.Errorf("%s: myvar = %#v, want 3 (the last file read)", h.Name, v)
		}
	}
	if v := inv.Host("edge01").Vars["from_group_vars"]; !v.RawEquals(cty.StringVal("edge")) {
		t.Errorf("edge01: from_group_vars = %#v", v)
	}
	if v := inv.Host("web01").Vars["from_host_vars"]; !v.RawEquals(cty.StringVal("web01")) {
		t.Errorf("web01: from_host_vars = %#v", v)
	}
}

// group_vars/ and host_vars/ belong to Ansible inventories: beside an
// HCL file they are not read.
func TestNoVarsDirectoriesBesideHCL(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"inventory.hcl":       "host \"web01\" {}\n",
		"hosts":               "web01\n",
		"group_vars/all.yml":  "color: blue\n",
		"host_vars/web01.yml": "size: large\n",
	})
	hclInv, _ := mustLoad(t, filepath.Join(dir, "inventory.hcl"))
	if vars := hclInv.Host("web01").Vars; len(vars) != 0 {
		t.Errorf("HCL: vars = %v", vars)
	}
	iniInv, _ := mustLoad(t, filepath.Join(dir, "hosts"))
	if vars := iniInv.Host("web01").Vars; len(vars) != 2 {
		t.Errorf("INI: vars = %v", vars)
	}
}

// Errors in several files are all reported, each pointing into its file.
func TestLoadReportsEveryFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a":                  "[web:var]\n",
		"b.yml":              "all:\n  hosts: [x]\n",
		"group_vars/all.yml": "- not a mapping\n",
	})
	parser := hclparse.NewParser()
	_, diags := inventory.Load(parser, dir)
	var files []string
	for _, d := range diags {
		files = append(files, filepath.Base(d.Subject.Filename))
		if parser.Files()[d.Subject.Filename] == nil {
			t.Errorf("%s is not registered with the parser", d.Subject.Filename)
		}
	}
	if !slices.Equal(files, []string{"a", "b.yml", "all.yml"}) || !strings.Contains(diags.Error(), "Unknown section type") {
		t.Errorf("diagnostics: %v", diags)
	}
}

// A group's connection variable that switchback cannot honour warns once,
// at the variable, and marks every host it applies to, naming it.
func TestUnsupportedHostsWarnOnce(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"hosts":             "[web]\nw1\nw2\nw3 ansible_connection=ssh\n[web:vars]\nansible_connection=local\n[db]\nd1 ansible_become=yes ansible_become_user=postgres\n",
		"group_vars/db.yml": "ansible_host: \"{{ inventory_hostname }}.example.com\"\n",
	})
	inv, diags := mustLoad(t, filepath.Join(dir, "hosts"))
	var summaries []string
	for _, d := range diags {
		summaries = append(summaries, fmt.Sprintf("%s:%d %s", filepath.Base(d.Subject.Filename), d.Subject.Start.Line, d.Summary))
	}
	slices.Sort(summaries)
	if want := []string{"db.yml:1 Host not supported", "hosts:6 Host not supported", "hosts:8 Host not supported"}; !slices.Equal(summaries, want) {
		t.Errorf("diagnostics %q, want %q", summaries, want)
	}
	for name, want := range map[string]string{
		"w1": "ansible_connection (" + filepath.Join(dir, "hosts") + ":6) is local",
		"w2": "ansible_connection (" + filepath.Join(dir, "hosts") + ":6) is local",
		"w3": "",
		"d1": "ansible_host (" + filepath.Join(dir, "group_vars/db.yml") + ":1) is the Jinja template",
	} {
		if got := inv.Host(name).Unsupported; !strings.HasPrefix(got, want) || (want == "") != (got == "") {
			t.Errorf("%s: Unsupported = %q, want %q...", name, got, want)
		}
	}
}
