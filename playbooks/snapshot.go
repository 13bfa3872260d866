package playbooks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"

	"github.com/switchbackhq/switchback/internal/diag"
	"github.com/switchbackhq/switchback/runner/snapshot"
)

// snapshotProvider is what a snapshot block may say for one provider.
type snapshotProvider struct {
	name, about string
	attributes  []string
	required    map[string]string // attribute → what to write, for the error
}

var snapshotProviders = []snapshotProvider{
	{name: "files", about: "an archive on the host", attributes: []string{"paths"}},
	{name: "btrfs", about: "read-only subvolume snapshots on the host", attributes: []string{"subvolumes", "dir"},
		required: map[string]string{"subvolumes": `subvolumes = ["/srv/data"]`}},
	{name: "vagrant", about: "'vagrant snapshot' on the controller", attributes: []string{"project"}},
	{name: "command", about: "commands of your own, on the controller or the host", attributes: []string{"save", "restore", "delete", "on"},
		required: map[string]string{"save": `save = "..."`, "restore": `restore = "..."`}},
}

var snapshotSchema = func() *hcl.BodySchema {
	s := &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "provider"}}}
	for _, p := range snapshotProviders {
		for _, a := range p.attributes {
			if !slices.ContainsFunc(s.Attributes, func(x hcl.AttributeSchema) bool { return x.Name == a }) {
				s.Attributes = append(s.Attributes, hcl.AttributeSchema{Name: a})
			}
		}
	}
	return s
}()

// decodeSnapshot reads the snapshot block: which provider saves each
// host before its first change, and that provider's settings. Settings
// of another provider are errors rather than silently ignored.
func decodeSnapshot(blocks []*hcl.Block, ctx *hcl.EvalContext) (*snapshot.Spec, hcl.Diagnostics) {
	if len(blocks) == 0 {
		return nil, nil
	}
	var diags hcl.Diagnostics
	for _, extra := range blocks[1:] {
		diags = append(diags, diag.Duplicate("Duplicate snapshot block", "A snapshot block", blocks[0].DefRange, extra.DefRange, ""))
	}
	content, moreDiags := blocks[0].Body.Content(snapshotSchema)
	diags = append(diags, moreDiags...)
	spec := &snapshot.Spec{Provider: "files"}
	subject := blocks[0].DefRange
	if a, ok := content.Attributes["provider"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, ctx, &spec.Provider)...)
		subject = a.Expr.Range()
	}
	i := slices.IndexFunc(snapshotProviders, func(p snapshotProvider) bool { return p.name == spec.Provider })
	if i < 0 {
		var known []string
		for _, p := range snapshotProviders {
			known = append(known, fmt.Sprintf("%q (%s)", p.name, p.about))
		}
		return spec, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError, Summary: "Unknown snapshot provider",
			Detail:  fmt.Sprintf("There is no snapshot provider %q; use one of %s.", spec.Provider, strings.Join(known, ", ")),
			Subject: subject.Ptr(),
		})
	}
	p := snapshotProviders[i]
	for _, name := range sortedKeys(content.Attributes) {
		a := content.Attributes[name]
		if name != "provider" && !slices.Contains(p.attributes, name) {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Attribute of another snapshot provider",
				Detail: fmt.Sprintf("%q is not a setting of the %s provider, which takes: %s. Remove it, or choose the provider it belongs to.",
					name, p.name, strings.Join(p.attributes, ", ")),
				Subject: a.NameRange.Ptr(),
			})
		}
	}
	for _, name := range sortedKeys(p.required) {
		if _, ok := content.Attributes[name]; !ok {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Missing snapshot setting",
				Detail:  fmt.Sprintf("The %s provider needs %s.", p.name, p.required[name]),
				Subject: subject.Ptr(),
			})
		}
	}
	if diags.HasErrors() {
		return spec, diags
	}

	// decodeString returns the attribute when it is there and decoded.
	decodeString := func(name string, dst *string) *hcl.Attribute {
		a, ok := content.Attributes[name]
		if !ok {
			return nil
		}
		more := gohcl.DecodeExpression(a.Expr, ctx, dst)
		if diags = append(diags, more...); more.HasErrors() {
			return nil
		}
		return a
	}
	decodePaths := func(name string, dst *[]string, validate func(string) error, what string) {
		a, ok := content.Attributes[name]
		if !ok {
			return
		}
		diags = append(diags, gohcl.DecodeExpression(a.Expr, ctx, dst)...)
		for _, path := range *dst {
			if err := validate(path); err != nil {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError, Summary: "Invalid snapshot " + name,
					Detail:  capitalize(err.Error()) + "; give absolute paths of " + what + ".",
					Subject: a.Expr.Range().Ptr(),
				})
			}
		}
	}
	switch p.name {
	case "files":
		decodePaths("paths", &spec.Paths, snapshot.ValidatePath, "files or directories to save")
	case "btrfs":
		decodePaths("subvolumes", &spec.Subvolumes, snapshot.ValidateSubvolume, "btrfs subvolumes to snapshot")
		if a := content.Attributes["subvolumes"]; len(spec.Subvolumes) == 0 && !diags.HasErrors() {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid snapshot subvolumes",
				Detail: "The list is empty; name at least one btrfs subvolume.", Subject: a.Expr.Range().Ptr()})
		}
		if a := decodeString("dir", &spec.SnapshotDir); a != nil {
			if err := snapshot.ValidateSubvolume(spec.SnapshotDir); err != nil {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid snapshot dir",
					Detail:  capitalize(err.Error()) + "; give an absolute directory on the same btrfs filesystem as the subvolumes.",
					Subject: a.Expr.Range().Ptr()})
			}
		}
	case "vagrant":
		decodeString("project", &spec.Project)
	case "command":
		for _, c := range []struct {
			name string
			dst  *string
		}{{"save", &spec.Save}, {"restore", &spec.Restore}, {"delete", &spec.Delete}} {
			if a := decodeString(c.name, c.dst); a != nil && strings.TrimSpace(*c.dst) == "" {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Empty snapshot command",
					Detail: fmt.Sprintf("%s is empty; give the shell command, or leave out delete if snapshots are removed another way.", c.name), Subject: a.Expr.Range().Ptr()})
			}
		}
		spec.On = "controller"
		if a := decodeString("on", &spec.On); a != nil && spec.On != "controller" && spec.On != "host" {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid value for on",
				Detail: fmt.Sprintf("on = %q: the commands run on \"controller\" (the default) or on the \"host\".", spec.On), Subject: a.Expr.Range().Ptr()})
		}
	}
	return spec, diags
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
