package transport

import (
	"os"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/shell"
)

// TestScriptRunsOnlyWhole runs remoteCommand in a real BusyBox sh with a
// script that arrived whole, and with the same script cut short as a lost
// connection would cut it: only the whole one runs, and the cut one says
// so with its own exit status.
func TestScriptRunsOnlyWhole(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	const token = "0123456789abcdef"
	script := "touch /root/first\n" + "echo \"$$\" > /root/pid\n" + "touch /root/second\n#switchback-end " + token + "\n"
	run := func(input string) (string, error) {
		return f.Exec(h.Name, "printf %s "+shell.Quote(input)+" | /bin/sh -c "+shell.Quote(remoteCommand(token))+"; echo \"exit $?\"")
	}

	cut := script[:strings.Index(script, "touch /root/second")+len("touch /root/sec")]
	out, err := run(cut)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(out) != "exit 125" {
		t.Errorf("a cut script: %q, want exit 125", out)
	}
	for _, p := range []string{"/root/first", "/root/second"} {
		if _, err := os.Stat(h.Path(p)); err == nil {
			t.Errorf("a cut script ran: %s exists", p)
		}
	}
	// A wrong token is the same as no end.
	if out, _ := run(strings.Replace(script, token, "fedcba9876543210", 1)); strings.TrimSpace(out) != "exit 125" {
		t.Errorf("a script with another token: %q, want exit 125", out)
	}

	out, err = run(script)
	if err != nil || strings.TrimSpace(out) != "exit 0" {
		t.Fatalf("a whole script: %q, %v", out, err)
	}
	for _, p := range []string{"/root/first", "/root/second"} {
		if _, err := os.Stat(h.Path(p)); err != nil {
			t.Errorf("a whole script did not run: %s missing", p)
		}
	}
}
