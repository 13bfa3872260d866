package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

const hostTemplatePlaybook = `
playbook { name = "host templates" }
phase "p" {
  command "kernel" {
    run      = "echo 6.6-test"
    register = "k"
  }
  template "motd" {
    source = "motd.tmpl"
    dest   = "/etc/motd-tmpl"
    vars   = { h = host.name, r = host.vars.role, f = facts.os_id, k = trimspace(registered.k.stdout), e = "-" }
  }
  template "each" {
    for_each = toset(["one"])
    source   = "motd.tmpl"
    dest     = "/etc/motd-${each.key}"
    vars     = { h = host.name, r = "", f = "", k = "", e = each.value }
  }
}
`

// TestTemplateVarsKnownOnHost: a template step whose vars come from the
// host, its facts, registered results and each passes validate and
// renders on every host with that host's values.
func TestTemplateVarsKnownOnHost(t *testing.T) {
	f := fleet.Start(t, 2)
	dir := t.TempDir()
	writeFile(t, dir, "motd.tmpl", "${h} ${r} ${f} ${k} ${e}\n")
	pb := writeFile(t, dir, "p.hcl", hostTemplatePlaybook)
	inv := writeFile(t, dir, "inventory.hcl", strings.Replace(mustRead(t, f.Inventory),
		"address", "vars = { role = \"web\" }\n  address", -1))

	if code, out := runCLI(t, "validate", pb); code != runner.ExitOK {
		t.Fatalf("validate: exit %d\n%s", code, out)
	}
	code, out := runCLI(t, "run", pb, "-i", inv, "--known-hosts", f.KnownHosts)
	if code != runner.ExitOK {
		t.Fatalf("run: exit %d\n%s", code, out)
	}
	for _, h := range f.Hosts {
		if got, want := mustRead(t, h.Path("/etc/motd-tmpl")), fmt.Sprintf("%s web alpine 6.6-test -\n", h.Name); got != want {
			t.Errorf("%s: /etc/motd-tmpl is %q, want %q", h.Name, got, want)
		}
		if got, want := mustRead(t, h.Path("/etc/motd-one")), h.Name+"    one\n"; got != want {
			t.Errorf("%s: /etc/motd-one is %q, want %q", h.Name, got, want)
		}
	}
}
