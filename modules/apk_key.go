package modules

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"regexp"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// ApkKey trusts a repository's signing key: its public key is installed
// as /etc/apk/keys/<name>, the name the repository's index signature
// refers to (apk looks the key up by that file name).
type ApkKey struct {
	Name  string
	State string // "present" or "absent"
	spec  installSpec
}

var _ Module = (*ApkKey)(nil)

// Writes is the key file.
func (m *ApkKey) Writes() []string { return []string{m.spec.Dest} }

type apkKeyConfig struct {
	Name    string  `hcl:"name"`
	Content *string `hcl:"content,optional"`
	Source  *string `hcl:"source,optional"`
	State   *string `hcl:"state,optional"`
}

// apkKeyName is a key file name as apk keys are named
// ("alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub").
var apkKeyName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9@._+-]*\.pub$`)

// ApkKeyType registers the apk_key step.
func ApkKeyType() Type {
	return Type{Name: "apk_key", Decode: decodeApkKey, Label: "name"}
}

func decodeApkKey(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg apkKeyConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	m := &ApkKey{Name: cfg.Name, State: "present"}
	if cfg.State != nil {
		m.State = *cfg.State
	}
	if !apkKeyName.MatchString(m.Name) {
		diags = append(diags, attrError(body, "name", "Invalid key name",
			fmt.Sprintf("%q is not a key file name: apk finds a key by the name the index signature gives, such as \"builder-5f1a2b3c.rsa.pub\".", m.Name)))
	}
	m.spec = installSpec{Dest: "/etc/apk/keys/" + m.Name, Perm: 0o644, HasPerm: true, Owner: "root", Group: "root"}
	switch m.State {
	case "absent":
		if cfg.Content != nil || cfg.Source != nil {
			diags = append(diags, attrError(body, "state", "Key given for an absent key",
				"state = \"absent\" removes the key file; remove content and source."))
		}
		return m, diags
	case "present":
	default:
		return m, append(diags, attrError(body, "state", "Invalid key state",
			fmt.Sprintf("state is %q; use \"present\" or \"absent\".", m.State)))
	}
	attr := "content"
	switch {
	case cfg.Content != nil && cfg.Source != nil:
		return m, append(diags, attrError(body, "source", "Both content and source",
			"give the key either inline (content) or as a file (source), not both."))
	case cfg.Content != nil:
		m.spec.Content = *cfg.Content
	case cfg.Source != nil:
		attr = "source"
		_, text, d := readSource(body, "source", *cfg.Source)
		if d != nil {
			return m, append(diags, d)
		}
		m.spec.Content = text
	default:
		return m, append(diags, attrError(body, "name", "Missing key",
			"give the public key as content (PEM text) or source (a file next to the playbook)."))
	}
	if why := checkPublicKey(m.spec.Content); why != "" {
		diags = append(diags, attrError(body, attr, "Invalid public key", why))
	}
	return m, diags
}

// checkPublicKey says what is wrong with a PEM public key, or "".
func checkPublicKey(text string) string {
	block, _ := pem.Decode([]byte(text))
	if block == nil || block.Type != "PUBLIC KEY" {
		return "the key is not a PEM \"PUBLIC KEY\" block (the content of a .rsa.pub file)."
	}
	if _, err := x509.ParsePKIXPublicKey(block.Bytes); err != nil {
		return fmt.Sprintf("the PUBLIC KEY block does not parse: %v.", err)
	}
	return ""
}

func (m *ApkKey) Summary() string {
	if m.State == "absent" {
		return "untrust apk key " + m.Name
	}
	return "trust apk key " + m.Name
}

func (m *ApkKey) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	if m.State == "present" {
		return checkInstall(ctx, h, m.spec)
	}
	out, err := h.Run(ctx, "[ -e "+shell.Quote(m.spec.Dest)+" ] || [ -L "+shell.Quote(m.spec.Dest)+" ]")
	if err != nil {
		return Plan{}, err
	}
	if out.ExitCode != 0 {
		return NoChange(m.spec.Dest + " is absent"), nil
	}
	return Change("- file "+m.spec.Dest+"\n", nil), nil
}

func (m *ApkKey) Apply(ctx context.Context, h hostcmd.Host, p Plan) error {
	if m.State == "present" {
		return applyInstall(ctx, h, m.spec, p)
	}
	return runScript(ctx, h, "removing "+m.spec.Dest, "rm -f -- "+shell.Quote(m.spec.Dest))
}
