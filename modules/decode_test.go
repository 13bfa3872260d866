package modules

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// decodeStep decodes the body of one step block of the given type.
func decodeStep(t *testing.T, typ, body string) (Module, hcl.Diagnostics) {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(body), "step.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parse: %v", diags)
	}
	return Builtin().Decode(typ, f.Body, nil)
}

// TestDecodeErrors: every wrong value is refused before a host is
// touched, with a summary and the line of the attribute at fault.
func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		typ, body string
		summary   string
		line      int
	}{
		{"file", `path = "etc/motd"`, "Invalid path", 1},
		{"file", "state = \"file\"\npath = \"/etc/../motd\"", "Invalid path", 2},
		{"file", `path = "/"`, "Invalid path", 1},
		{"file", "path = \"/x\"\nstate = \"fifo\"", "Invalid file state", 2},
		{"file", "path = \"/x\"\nmode = \"rw-r--r--\"", "Invalid mode", 2},
		{"file", "path = \"/x\"\nmode = \"0844\"", "Invalid mode", 2},
		{"file", "path = \"/x\"\nmode = \"10644\"", "Invalid mode", 2},
		{"file", "path = \"/x\"\nstate = \"link\"\nsrc = \"/y\"\nmode = \"0644\"", "Mode does not apply", 4},
		{"file", "path = \"/x\"\nowner = \"a b\"", "Invalid owner", 2},
		{"file", "path = \"/x\"\nstate = \"absent\"\ngroup = \"wheel\"", "Group does not apply", 3},
		{"file", "path = \"/x\"\nsrc = \"/y\"", `src needs state = "link"`, 2},
		{"file", "path = \"/x\"\nstate = \"link\"", "Missing link target", 2},
		{"file", "path = \"/x\"\nstate = \"directory\"\ncontent = \"a\"", `content needs state = "file"`, 3},
		{"file", "path = \"/x\"\ncontent = \"a\\u0000b\"", "NUL byte in content", 2},
		{"file", `path = "/x"` + "\nsize = 3", "Unsupported argument", 2},
		{"line", `path = "/x"`, "Missing line", 1},
		{"line", "path = \"/x\"\nline = \"a\\nb\"", "Line contains a line break", 2},
		{"line", "path = \"/x\"\nline = \"a\"\nregexp = \"(\"", "Invalid regular expression", 3},
		{"line", "path = \"/x\"\nstate = \"absent\"", "Missing line or regexp", 1},
		{"line", "path = \"/x\"\nline = \"a\"\nstate = \"absent\"\ncreate = true", "create does not apply", 4},
		{"line", "path = \"/x\"\nline = \"a\"\nstate = \"gone\"", "Invalid line state", 3},
		{"service", `service = "../sshd"` + "\nstate = \"started\"", "Invalid service name", 1},
		{"service", `service = "sshd"`, "Nothing to manage", 1},
		{"service", "service = \"sshd\"\nstate = \"running\"", "Invalid service state", 2},
		{"service", "service = \"sshd\"\nrunlevel = \"boot\"", "runlevel needs enabled", 2},
		{"service", "service = \"sshd\"\nenabled = true\nrunlevel = \"a/b\"", "Invalid runlevel", 3},
		{"service", "service = \"sshd\"\nconf_d = { \"1X\" = \"y\" }", "Invalid conf.d key", 2},
		{"service", "service = \"sshd\"\nenabled = \"maybe\"", "Unsuitable value type", 2},
		{"user", `name = "Bad Name"`, "Invalid user name", 1},
		{"user", `name = "-rf"`, "Invalid user name", 1},
		{"user", `name = "` + strings.Repeat("a", 33) + `"`, "Invalid user name", 1},
		{"user", "name = \"a\"\nshell = \"bin/sh\"", "Invalid shell", 2},
		{"user", "name = \"a\"\nhome = \"/home/a:b\"", "Invalid home", 2},
		{"user", "name = \"a\"\nuid = -1", "Invalid uid", 2},
		{"user", "name = \"a\"\ngroups = [\"ok\", \"not ok\"]", "Invalid group name", 2},
		{"user", "name = \"a\"\nstate = \"absent\"\nshell = \"/bin/sh\"", "Attribute does not apply", 3},
		{"group", `name = "1234"`, "Invalid group name", 1},
		{"group", "name = \"g\"\ngid = 1e12", "Invalid gid", 2},
		{"group", "name = \"g\"\nstate = \"absent\"\ngid = 5", "Attribute does not apply", 3},
	}
	for _, tt := range tests {
		_, diags := decodeStep(t, tt.typ, tt.body)
		if !diags.HasErrors() {
			t.Errorf("%s {%s}: no error", tt.typ, tt.body)
			continue
		}
		d := diags[0]
		if d.Summary != tt.summary {
			t.Errorf("%s {%s}: summary %q, want %q (%s)", tt.typ, tt.body, d.Summary, tt.summary, d.Detail)
		}
		if d.Subject == nil || d.Subject.Start.Line != tt.line {
			t.Errorf("%s {%s}: points at %v, want line %d", tt.typ, tt.body, d.Subject, tt.line)
		}
	}
}

func TestDecodeValid(t *testing.T) {
	tests := []struct{ typ, body, summary string }{
		{"file", `path = "/etc/motd"` + "\ncontent = \"hi\\n\"\nmode = \"0640\"", "file /etc/motd (3 bytes) mode 0640"},
		{"file", "path = \"/srv\"\nstate = \"directory\"\nmode = 2775\nowner = \"nobody\"", "directory /srv mode 2775 owner nobody"},
		{"file", "path = \"/a\"\nstate = \"link\"\nsrc = \"b\"", "link /a → b"},
		{"file", "path = \"/a\\nb\"\nstate = \"absent\"", `absent "/a\nb"`},
		{"line", "path = \"/etc/x\"\nline = \"a=1\"\nregexp = \"^a=\"", `line present in /etc/x (regexp "^a=")`},
		{"service", "service = \"sb-daemon\"\nenabled = true\nstate = \"started\"\nconf_d = { B = 2, A = \"x\" }",
			"service sb-daemon: enabled in default, started, conf.d A, B"},
		{"user", "name = \"deploy\"\nuid = 2000\ngroups = [\"wheel\", \"wheel\"]", "user deploy present (uid 2000, groups wheel)"},
		{"user", "name = \"deploy\"\ngroups = []", "user deploy present (groups none)"},
		{"group", "name = \"svc\"\nsystem = true", "group svc present (system)"},
	}
	for _, tt := range tests {
		m, diags := decodeStep(t, tt.typ, tt.body)
		if diags.HasErrors() {
			t.Errorf("%s {%s}: %v", tt.typ, tt.body, diags)
			continue
		}
		if got := m.Summary(); got != tt.summary {
			t.Errorf("%s {%s}: summary %q, want %q", tt.typ, tt.body, got, tt.summary)
		}
	}
}
