package playbooks_test

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/switchbackhq/switchback/modules"
	"github.com/switchbackhq/switchback/playbooks"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

func loadString(t *testing.T, src string) (*playbooks.Playbook, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.hcl")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := &playbooks.Loader{Parser: hclparse.NewParser(), Registry: modules.Builtin(), Snapshots: snapshot.Builtin()}
	pb, diags := l.Load(path, nil)
	if diags.HasErrors() {
		return nil, diags
	}
	return pb, nil
}

// TestPlaybookLabelIsItsName: playbook "web" { } is what many write
// first; the label names the playbook, as name = "web" does.
func TestPlaybookLabelIsItsName(t *testing.T) {
	for _, src := range []string{
		`playbook "web" {}`,
		`playbook "web" { name = "web" }`,
		`playbook { name = "web" }`,
	} {
		pb, err := loadString(t, src+"\nphase \"p\" {\n  command \"c\" { run = \"true\" }\n}\n")
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if pb.Name != "web" {
			t.Errorf("%s: name %q", src, pb.Name)
		}
	}
}

// TestLabelNamesTheManagedThing: a step that manages one named thing
// takes its label as that name when the block does not set it, and the
// argument still wins when it does.
func TestLabelNamesTheManagedThing(t *testing.T) {
	key, err := rsa.GenerateKey(rand.New(rand.NewSource(18)), 1024)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	pemKey := strings.TrimSpace(string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})))
	pb, err := loadString(t, `
playbook "label defaults" {}
phase "p" {
  service "chronyd" { enabled = true }
  service "time sync" {
    service = "ntpd"
    enabled = true
  }
  user "deploy" { shell = "/bin/ash" }
  group "ops" {}
  apk_key "builder@example.org-5f1e.rsa.pub" {
    content = <<EOT
`+pemKey+`
EOT
  }
  openrc_script "sb-agent" { content = "#!/sbin/openrc-run\n" }
}
`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"chronyd":                          "chronyd",
		"time sync":                        "ntpd",
		"deploy":                           "deploy",
		"ops":                              "ops",
		"builder@example.org-5f1e.rsa.pub": "builder@example.org-5f1e.rsa.pub",
		"sb-agent":                         "sb-agent",
	}
	for _, st := range pb.Phases[0].Steps {
		var got string
		switch m := st.Module.(type) {
		case *modules.Service:
			got = m.Service
		case *modules.User:
			got = m.Name
		case *modules.Group:
			got = m.Name
		case *modules.ApkKey:
			got = m.Name
		case *modules.OpenRCScript:
			got = m.Name
		default:
			t.Fatalf("%s: module %T", st.Name, st.Module)
		}
		if got != want[st.Name] {
			t.Errorf("step %q manages %q, want %q", st.Name, got, want[st.Name])
		}
	}
}
