package hostcmd_test

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/switchbackhq/switchback/"

// The packages that run commands on hosts without being step types build
// without the step types, and so without HCL and the bash parser: that is
// why the host-command contract is a package of its own.
func TestHostSidePackagesStayLight(t *testing.T) {
	forbidden := []string{
		module + "modules",   // the step types (exactly: modules/hostcmd is fine)
		module + "playbooks", // the playbook language
		"github.com/hashicorp/hcl/",
		"mvdan.cc/sh/",
	}
	for _, pkg := range []string{"runner/transport", "runner/snapshot", "runner/scan", "runner/drill"} {
		for _, dep := range deps(t, module+pkg) {
			for _, f := range forbidden {
				if dep == f || strings.HasPrefix(dep, f) && strings.HasSuffix(f, "/") {
					t.Errorf("%s depends on %s; keep it to modules/hostcmd (see ARCHITECTURE.md)", pkg, dep)
				}
			}
		}
	}
}

// The contract itself depends on the standard library alone.
func TestContractIsALeaf(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", module+"modules/hostcmd").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep != module+"modules/hostcmd" {
			t.Errorf("modules/hostcmd depends on %s; it must stay a leaf", dep)
		}
	}
}

func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", pkg).Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go list -deps %s: %v %s", pkg, err, stderr)
	}
	return strings.Fields(string(out))
}
