package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/runner"
)

const rerunPlaybook = `
playbook { name = "rerun" }
phase "p" {
  command "count" {
    run = "echo run >> /root/runs"
  }
  command "fail where marked" {
    run = "test ! -e /root/fail-me"
  }
}
`

// TestRerunFailedHostsExactly: the hosts a run left failed are written
// to RUN-failed.txt and rerun with --limit @FILE; names that read as
// patterns ("w*") or hold a space rerun those hosts and no other.
func TestRerunFailedHostsExactly(t *testing.T) {
	f := fleet.Start(t, 4)
	names := []string{"w*", "wa", "wb", "web 1"}
	var inv strings.Builder
	fmt.Fprintf(&inv, "defaults {\n  user = %q\n  port = 2222\n  identity_file = %q\n}\n", f.User, f.IdentityFile)
	for i, h := range f.Hosts {
		fmt.Fprintf(&inv, "host %q {\n  address = %q\n}\n", names[i], h.Address)
	}
	dir := t.TempDir()
	invFile := writeFile(t, dir, "inventory.hcl", inv.String())
	pb := writeFile(t, dir, "rerun.hcl", rerunPlaybook)
	for _, i := range []int{0, 3} { // "w*" and "web 1" fail
		if err := os.WriteFile(f.Hosts[i].Path("/root/fail-me"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"run", pb, "-i", invFile, "--known-hosts", f.KnownHosts}
	code, out := runCLI(t, args...)
	if code != runner.ExitFailed {
		t.Fatalf("first run: exit %d, want %d", code, runner.ExitFailed)
	}
	m := regexp.MustCompile(`rerun them with --limit @(\S+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("the run does not say where the failed hosts are listed")
	}
	code, out = runCLI(t, append(args, "--limit", "@"+m[1])...)
	if code != runner.ExitFailed {
		t.Fatalf("rerun: exit %d, want %d (the same two hosts fail again)", code, runner.ExitFailed)
	}
	if !strings.Contains(out, "2 host(s)") {
		t.Errorf("the rerun did not take exactly the two failed hosts:\n%s", out)
	}
	want := []int{2, 1, 1, 2} // runs seen by each host
	for i, h := range f.Hosts {
		b, _ := os.ReadFile(h.Path("/root/runs"))
		if got := strings.Count(string(b), "run\n"); got != want[i] {
			t.Errorf("%q ran %d time(s), want %d", names[i], got, want[i])
		}
	}
}
