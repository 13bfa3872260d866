package modules_test

// The whole-file steps over real SSH: bytes of every kind reach the host
// both over SFTP and, for a host without it, through the shell; and the
// new step types check in one round trip.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/switchbackhq/switchback/runner/transport"
)

func dialHost(t *testing.T, f *fleet.Fleet, h *fleet.Host) transport.Conn {
	t.Helper()
	ssh, err := transport.NewSSH(transport.SSHOptions{KnownHostsFile: f.KnownHosts})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := ssh.Dial(t.Context(), transport.Target{Name: h.Name, Address: h.Address, Port: h.Port, User: f.User, IdentityFile: f.IdentityFile})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// countingSender counts SFTP transfers as well as commands.
type countingSender struct {
	countingHost
	sender hostcmd.FileSender
	sends  int
}

func (c *countingSender) SendFile(ctx context.Context, path string, data []byte) error {
	c.sends++
	return c.sender.SendFile(ctx, path, data)
}

// decodeAt decodes a step as if written in a playbook in dir.
func decodeAt(t *testing.T, dir, typ, body string) modules.Module {
	t.Helper()
	file, diags := hclsyntax.ParseConfig([]byte(body), filepath.Join(dir, "site.hcl"), hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	m, diags := modules.Builtin().Decode(typ, file.Body, nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return m
}

// TestCopyBytesBothWays: every content arrives byte for byte, through a
// host with SFTP (small files inside the installing script, large ones in
// one transfer) and through the shell fallback (a host that offers no
// file transfer: countingHost hides SendFile).
func TestCopyBytesBothWays(t *testing.T) {
	contents := map[string]string{
		"spaces":    "a b  c \n",
		"quotes":    "it's \"quoted\" ''\n",
		"dollars":   "$HOME ${PATH} $(id) %{x} $$\n",
		"backticks": "`uname -a`\n",
		"newlines":  "one\ntwo\n\n\nno newline at the end",
		"nul":       "\x00before\x00after\x00",
		"binary":    "\xff\xfe\x00\x01\x80",
		"empty":     "",
		"large":     strings.Repeat("\x00it's $x `y`\n", 30000), // several shell chunks
	}
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	conn := dialHost(t, f, h)
	dir := t.TempDir()
	for _, via := range []string{"sftp", "shell"} {
		for name, content := range contents {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			dest := "/srv/" + via + "-" + name + " it's $x"
			m := decodeAt(t, dir, "copy", "source = "+hclQuote(name)+"\ndest = "+hclQuote(dest)+"\nmode = \"0600\"")
			var host hostcmd.Host = &countingHost{Host: conn}
			sender := &countingSender{countingHost: countingHost{Host: conn}, sender: conn.(hostcmd.FileSender)}
			if via == "sftp" {
				host = sender
			}
			p, err := m.Check(t.Context(), host)
			if err != nil || !p.Change {
				t.Fatalf("%s %s: check %v %v", via, name, p, err)
			}
			if err := m.Apply(t.Context(), host, p); err != nil {
				t.Fatalf("%s %s: apply: %v", via, name, err)
			}
			// Up to 256 KiB the content rides in the script that installs it.
			if want := boolInt(len(content) > 256<<10); via == "sftp" && sender.sends != want {
				t.Errorf("%s: %d SFTP transfers, want %d", name, sender.sends, want)
			}
			b, err := os.ReadFile(h.Path(dest))
			if err != nil || string(b) != content {
				t.Errorf("%s %s: %d bytes arrived (%v), want %d", via, name, len(b), err, len(content))
			}
			if fi, err := os.Stat(h.Path(dest)); err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("%s %s: mode %v", via, name, fi.Mode())
			}
			if p, err := m.Check(t.Context(), host); err != nil || p.Change {
				t.Errorf("%s %s: still changes after apply: %v\n%s", via, name, err, p.Diff)
			}
		}
	}
	entries, _ := os.ReadDir(h.Path("/srv"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".switchback.") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestLibraryRoundTrips: Check asks the host once for every new step, and
// Apply changes it in one round trip (files inside the installing script).
func TestLibraryRoundTrips(t *testing.T) {
	f := fleet.Start(t, 1)
	conn := dialHost(t, f, f.Hosts[0])
	host := &countingHost{Host: conn}
	dir := t.TempDir()
	for name, content := range map[string]string{"x.txt": "x\n", "t.tmpl": "port ${port}\n", "s.sh": "touch /srv/s\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct{ typ, body string }{
		{"apk", "packages = [\"sb-hello=1.0-r0\", \"sb-mail-agent\"]\nupdate_cache = true\nupgrade = true"},
		{"apk", "packages = [\"sb-daemon\"]\nvirtual = \".v\""},
		{"apk_repository", "repository = \"/mnt/repo/extra\""},
		{"copy", "source = \"x.txt\"\ndest = \"/srv/x\"\nbackup = true\nvalidate = \"grep -q x %s\""},
		{"template", "source = \"t.tmpl\"\ndest = \"/srv/t\"\nvars = { port = 1 }"},
		{"openrc_script", "name = \"sb-x\"\ncontent = \"#!/sbin/openrc-run\\ncommand=/bin/true\\n\""},
		{"script", "source = \"s.sh\"\ncreates = \"/srv/s\""},
		{"command", "run = \"touch /srv/c\"\ncreates = \"/srv/c\"\nremoves = \"/srv\""},
		{"wait_for", "path = \"/srv/x\""},
	}
	for _, s := range steps {
		m := decodeAt(t, dir, s.typ, s.body)
		host.runs = 0
		p, err := m.Check(t.Context(), host)
		if err != nil {
			t.Fatalf("%s: check: %v", m.Summary(), err)
		}
		if host.runs != 1 {
			t.Errorf("%s: check took %d round trips, want 1", m.Summary(), host.runs)
		}
		if !p.Change {
			continue // wait_for: ready once copy has run
		}
		host.runs = 0
		if err := m.Apply(t.Context(), host, p); err != nil {
			t.Fatalf("%s: apply: %v", m.Summary(), err)
		}
		if host.runs != 1 {
			t.Errorf("%s: apply took %d round trips, want 1", m.Summary(), host.runs)
		}
		if p, err := m.Check(t.Context(), host); err != nil || p.Change {
			t.Errorf("%s: still changes after apply: %v\n%s", m.Summary(), err, p.Diff)
		}
	}
}

// hclQuote writes s as an HCL string; the names used here need no
// template escapes beyond quotes and $.
func hclQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "${", "$${", "%{", "%%{", "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
