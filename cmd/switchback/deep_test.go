package main

import (
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/runner"
)

// TestDeepHCLRefused: a playbook, a var file, an inventory and a
// template nested 100,000 deep are refused with a diagnostic naming the
// file and line, instead of ending the process with a stack overflow.
func TestDeepHCLRefused(t *testing.T) {
	dir := t.TempDir()
	const n = 100000
	brackets := strings.Repeat("[", n) + strings.Repeat("]", n)
	deepPlaybook := writeFile(t, dir, "deep.hcl", "playbook { name = \"x\" }\nlocals {\n  a = "+brackets+"\n}\nphase \"p\" {\n  command \"c\" { run = \"true\" }\n}\n")
	playbook := writeFile(t, dir, "ok.hcl", "playbook { name = \"x\" }\nvariable \"x\" {\n  default = []\n}\nphase \"p\" {\n  template \"t\" {\n    source = \"deep.tmpl\"\n    dest   = \"/etc/x\"\n  }\n}\n")
	writeFile(t, dir, "deep.tmpl", strings.Repeat("%{ if true }", n)+"x"+strings.Repeat("%{ endif }", n))
	vars := writeFile(t, dir, "vars.hcl", "x = "+brackets+"\n")
	inv := writeFile(t, dir, "inventory.hcl", "host \"a\" {\n  address = \"192.0.2.1\"\n  vars    = { x = "+brackets+" }\n}\n")
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"validate", deepPlaybook}, []string{"Error: Nesting too deep", "on " + deepPlaybook + " line 3"}},
		{[]string{"validate", playbook, "--var-file", vars}, []string{"Error: Nesting too deep", "on " + vars + " line 1"}},
		{[]string{"inventory", "list", "-i", inv}, []string{"Error: Nesting too deep", "on " + inv + " line 3"}},
		{[]string{"validate", playbook}, []string{"Cannot render template", "deep.tmpl:1,", "more than 256 deep"}},
	} {
		code, out := runCLI(t, tc.args...)
		if code != runner.ExitUsage {
			t.Errorf("%v: exit %d, want %d", tc.args, code, runner.ExitUsage)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: the output lacks %q", tc.args, w)
			}
		}
	}
}
