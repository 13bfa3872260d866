package modules

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// OpenRCScript installs an init script as /etc/init.d/<name>, mode 0755.
// The new script is syntax-checked with the host's own ash before it
// replaces the old one, so a typo never leaves a broken service behind.
type OpenRCScript struct {
	Name string
	spec installSpec
}

var _ Module = (*OpenRCScript)(nil)

// Writes is the init script.
func (m *OpenRCScript) Writes() []string { return []string{m.spec.Dest} }

type openrcScriptConfig struct {
	Name    string `hcl:"name"`
	Content string `hcl:"content"`
	Backup  *bool  `hcl:"backup,optional"`
}

// openrcShebang is how every OpenRC init script starts.
const openrcShebang = "#!/sbin/openrc-run"

// OpenRCScriptType registers the openrc_script step.
func OpenRCScriptType() Type {
	return Type{Name: "openrc_script", Decode: decodeOpenRCScript, Label: "name"}
}

func decodeOpenRCScript(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg openrcScriptConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	if !serviceName.MatchString(cfg.Name) {
		diags = append(diags, attrError(body, "name", "Invalid service name",
			fmt.Sprintf("%q is not an OpenRC service name (letters, digits, . _ + @ -).", cfg.Name)))
	}
	if first, _, _ := strings.Cut(cfg.Content, "\n"); strings.TrimSpace(first) != openrcShebang {
		diags = append(diags, attrError(body, "content", "Not an OpenRC script",
			fmt.Sprintf("the first line is %q; an init script starts with %q.", first, openrcShebang)))
	}
	spec := installSpec{
		Dest: "/etc/init.d/" + cfg.Name, Content: cfg.Content, Perm: 0o755, HasPerm: true,
		Owner: "root", Group: "root",
		// ash -n reads the script without running it; the host's own
		// shell is the one that will run it.
		Validate: "busybox ash -n %s",
		Backup:   cfg.Backup != nil && *cfg.Backup,
	}
	return &OpenRCScript{Name: cfg.Name, spec: spec}, diags
}

func (m *OpenRCScript) Summary() string {
	return fmt.Sprintf("init script %s (%d bytes)", m.spec.Dest, len(m.spec.Content))
}

func (m *OpenRCScript) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	return checkInstall(ctx, h, m.spec)
}

func (m *OpenRCScript) Apply(ctx context.Context, h hostcmd.Host, p Plan) error {
	return applyInstall(ctx, h, m.spec, p)
}

func (m *OpenRCScript) Chainable(p Plan) bool { return chainable(m.spec, p) }
