package modules_test

// Round trips per step, measured over real SSH against a fleet host:
// Check must ask the host once, whatever the step and the host's state.

import (
	"context"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/runner/transport"
)

type countingHost struct {
	hostcmd.Host
	runs int
}

func (c *countingHost) Run(ctx context.Context, cmd string) (hostcmd.Output, error) {
	c.runs++
	return c.Host.Run(ctx, cmd)
}

func TestRoundTrips(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	ssh, err := transport.NewSSH(transport.SSHOptions{KnownHostsFile: f.KnownHosts})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := ssh.Dial(t.Context(), transport.Target{Name: h.Name, Address: h.Address, Port: h.Port, User: f.User, IdentityFile: f.IdentityFile})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	host := &countingHost{Host: conn}

	steps := []struct{ typ, body string }{
		{"apk", `packages = ["sb-daemon"]`},
		{"file", "path = \"/etc/motd\"\ncontent = \"hi\\n\"\nmode = \"0600\"\nowner = \"nobody\""},
		{"file", "path = \"/srv/d\"\nstate = \"directory\"\nmode = \"0750\""},
		{"file", "path = \"/srv/l\"\nstate = \"link\"\nsrc = \"/srv/d\""},
		{"file", "path = \"/etc/issue\"\nstate = \"absent\""},
		{"line", "path = \"/etc/motd\"\nline = \"second\""},
		{"group", "name = \"ops\""},
		{"user", "name = \"op\"\ngroup = \"ops\"\ngroups = [\"wheel\"]\nshell = \"/bin/ash\""},
		{"service", "service = \"sb-daemon\"\nenabled = true\nstate = \"started\"\nconf_d = { SB_DAEMON_INTERVAL = 2 }"},
	}
	for _, s := range steps {
		file, diags := hclsyntax.ParseConfig([]byte(s.body), "step.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		m, diags := modules.Builtin().Decode(s.typ, file.Body, nil)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		check := func() modules.Plan {
			host.runs = 0
			p, err := m.Check(t.Context(), host)
			if err != nil {
				t.Fatalf("%s: check: %v", m.Summary(), err)
			}
			if host.runs != 1 {
				t.Errorf("%s: check took %d round trips, want 1", m.Summary(), host.runs)
			}
			return p
		}
		p := check()
		if !p.Change {
			t.Fatalf("%s: nothing to do on a fresh host", m.Summary())
		}
		host.runs = 0
		if err := m.Apply(t.Context(), host, p); err != nil {
			t.Fatalf("%s: apply: %v", m.Summary(), err)
		}
		t.Logf("%-7s check 1, apply %d round trip(s): %s", s.typ, host.runs, m.Summary())
		if p := check(); p.Change {
			t.Errorf("%s: still changes after apply:\n%s", m.Summary(), p.Diff)
		}
	}
}
