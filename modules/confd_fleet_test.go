package modules_test

import (
	"os"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/fleet"
	"github.com/switchbackhq/switchback/internal/steptest"
)

// An init script of the test's own: conf.d is sourced when it starts.
const confInitScript = `#!/sbin/openrc-run
command=/bin/sleep
command_args=86400
command_background=true
pidfile=/run/sb-conf.pid
`

const confPlaybook = `
playbook { name = "conf" }
phase "services" {
  service "conf" {
    service = "sb-conf"
    state   = "started"
    conf_d  = {
      GREETING = "hello\ntouch /tmp/PWNED #"
      QUOTES   = "it's \"$(touch /tmp/PWNED)\" \\ ` + "`touch /tmp/PWNED`" + `"
    }
  }
}
`

// TestConfDValuesSpanningLines: conf.d values holding newlines, quotes
// and command substitutions are written so that the host's own ash reads
// them back byte for byte and runs none of them, twice over (the second
// run changes nothing), and a value of the file's own that spans lines
// keeps its closing quote.
func TestConfDValuesSpanningLines(t *testing.T) {
	f := fleet.Start(t, 1)
	h := f.Hosts[0]
	if err := os.WriteFile(h.Path("/etc/init.d/sb-conf"), []byte(confInitScript), 0o755); err != nil {
		t.Fatal(err)
	}
	// The file's own value spans two lines; its second line looks like an
	// assignment of a managed key and is not one.
	const seeded = "# options\nOPTS=\"--a\nGREETING=old --b\"\n"
	if err := os.WriteFile(h.Path("/etc/conf.d/sb-conf"), []byte(seeded), 0o644); err != nil {
		t.Fatal(err)
	}
	pb := steptest.Write(t, t.TempDir(), "conf.hcl", confPlaybook)
	steptest.Converge(t, f, pb, 1)
	steptest.Apply(t, f, pb).WantChanged(t, 0)

	b, err := os.ReadFile(h.Path("/etc/conf.d/sb-conf"))
	if err != nil {
		t.Fatal(err)
	}
	conf := string(b)
	t.Logf("/etc/conf.d/sb-conf:\n%s", conf)
	if !strings.HasPrefix(conf, seeded) {
		t.Errorf("the file's own lines changed:\n%s", conf)
	}
	// Sourced by the host's ash, as the init script does.
	out, err := f.Exec(h.Name, `cd /tmp && . /etc/conf.d/sb-conf && printf '%s\0%s\0%s' "$GREETING" "$QUOTES" "$OPTS"`)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"hello\ntouch /tmp/PWNED #", "it's \"$(touch /tmp/PWNED)\" \\ `touch /tmp/PWNED`", "--a\nGREETING=old --b"}
	if got := strings.Split(out, "\x00"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("ash reads back %q, want %q", got, want)
	}
	if _, err := os.Stat(h.Path("/tmp/PWNED")); err == nil {
		t.Error("a conf.d value ran as a command on the host")
	}
	if b, err := os.ReadFile(h.Path("/run/sb-conf.pid")); err != nil || len(b) == 0 {
		t.Errorf("the service did not start: %v", err)
	}
}
