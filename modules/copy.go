package modules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Copy puts a file of the controller on the host: any bytes (large files
// over SFTP, see installFile), installed atomically with a mode, an
// owner, an optional backup of the file it replaces and an optional
// validation of the new content.
type Copy struct {
	Source string // the controller's path, resolved
	spec   installSpec
}

var _ Module = (*Copy)(nil)

// Writes is the destination (its backups are new files, not changes).
func (m *Copy) Writes() []string { return []string{m.spec.Dest} }

type copyConfig struct {
	Source   string  `hcl:"source"`
	Dest     string  `hcl:"dest"`
	Mode     *string `hcl:"mode,optional"`
	Owner    *string `hcl:"owner,optional"`
	Group    *string `hcl:"group,optional"`
	Backup   *bool   `hcl:"backup,optional"`
	Validate *string `hcl:"validate,optional"`
}

// CopyType registers the copy step.
func CopyType() Type {
	return Type{Name: "copy", Decode: decodeCopy}
}

func decodeCopy(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg copyConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	spec, moreDiags := decodeInstall(body, installAttrs{cfg.Dest, cfg.Mode, cfg.Owner, cfg.Group, cfg.Backup, cfg.Validate})
	diags = append(diags, moreDiags...)
	path, content, d := readSource(body, "source", cfg.Source)
	if d != nil {
		diags = append(diags, d)
	}
	spec.Content = content
	return &Copy{Source: path, spec: spec}, diags
}

func (m *Copy) Summary() string {
	return fmt.Sprintf("copy %s → %s (%d bytes)%s", m.Source, displayPath(m.spec.Dest), len(m.spec.Content), m.spec.details())
}

func (m *Copy) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	return checkInstall(ctx, h, m.spec)
}

func (m *Copy) Apply(ctx context.Context, h hostcmd.Host, p Plan) error {
	return applyInstall(ctx, h, m.spec, p)
}

// installAttrs are the attributes every whole-file step shares.
type installAttrs struct {
	dest               string
	mode, owner, group *string
	backup             *bool
	validate           *string
}

// decodeInstall checks the shared attributes and builds the spec.
func decodeInstall(body hcl.Body, a installAttrs) (installSpec, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	s := installSpec{Dest: a.dest}
	if why := checkAbsPath(a.dest); why != "" {
		diags = append(diags, attrError(body, "dest", "Invalid destination", why+"."))
	}
	if a.mode != nil {
		perm, ok := parsePerm(*a.mode)
		if !ok {
			diags = append(diags, attrError(body, "mode", "Invalid mode",
				fmt.Sprintf("mode is %q; write the permission bits in octal, as a string: \"0644\", \"0755\".", *a.mode)))
		}
		s.Perm, s.HasPerm = perm, true
	}
	for _, o := range []struct {
		name string
		val  *string
		dst  *string
	}{{"owner", a.owner, &s.Owner}, {"group", a.group, &s.Group}} {
		if o.val == nil {
			continue
		}
		*o.dst = *o.val
		if !accountName.MatchString(*o.val) && !isDigits(*o.val) {
			diags = append(diags, attrError(body, o.name, "Invalid "+o.name,
				fmt.Sprintf("%s is %q; give a name (letters, digits, . _ -) or a numeric id.", o.name, *o.val)))
		}
	}
	s.Backup = a.backup != nil && *a.backup
	if a.validate != nil {
		s.Validate = *a.validate
		if !strings.Contains(s.Validate, "%s") {
			diags = append(diags, attrError(body, "validate", "validate lacks %s",
				fmt.Sprintf("validate is %q; write %%s where the new file's path goes, e.g. \"busybox ash -n %%s\".", s.Validate)))
		}
	}
	return s, diags
}

func (s installSpec) details() string {
	d := ""
	if s.HasPerm {
		d += " mode " + formatPerm(s.Perm)
	}
	if s.Owner != "" {
		d += " owner " + s.Owner
	}
	if s.Group != "" {
		d += " group " + s.Group
	}
	if s.Backup {
		d += " with backup"
	}
	if s.Validate != "" {
		d += " validated by " + oneLine(s.Validate)
	}
	return d
}

// playbookDir is the directory of the file a step was written in:
// relative sources are found from there, whatever the working directory.
func playbookDir(body hcl.Body) string {
	return filepath.Dir(body.MissingItemRange().Filename)
}

// resolveSource turns a source attribute into a controller path.
func resolveSource(body hcl.Body, src string) string {
	if filepath.IsAbs(src) {
		return src
	}
	return filepath.Join(playbookDir(body), src)
}

// readSource reads a controller file named by attribute attr.
func readSource(body hcl.Body, attr, src string) (string, string, *hcl.Diagnostic) {
	if src == "" {
		return "", "", attrError(body, attr, "Empty source", attr+" is empty; give a file path, relative to the playbook's directory.")
	}
	p := resolveSource(body, src)
	b, err := os.ReadFile(p)
	if err != nil {
		return p, "", attrError(body, attr, "Cannot read "+attr,
			fmt.Sprintf("%s: %v. Paths are relative to the playbook's directory.", p, err))
	}
	return p, string(b), nil
}

func (m *Copy) Chainable(p Plan) bool { return chainable(m.spec, p) }
