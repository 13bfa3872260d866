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

// snapshotSchema admits the settings of every provider the loader
// knows; decodeSnapshot then refuses those of another provider.
func (l *Loader) snapshotSchema() *hcl.BodySchema {
	s := &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "provider"}}}
	for _, t := range l.Snapshots {
		for _, a := range t.Settings {
			if !slices.ContainsFunc(s.Attributes, func(x hcl.AttributeSchema) bool { return x.Name == a.Name }) {
				s.Attributes = append(s.Attributes, hcl.AttributeSchema{Name: a.Name})
			}
		}
	}
	return s
}

// decodeSnapshot reads the snapshot block: which provider saves each
// host before its first change, and that provider's settings, which the
// provider's snapshot.Type turns into the provider. Settings of another
// provider are errors rather than silently ignored. writes are the paths
// the playbook's steps write, for the files provider.
func (l *Loader) decodeSnapshot(blocks []*hcl.Block, ctx *hcl.EvalContext, writes []string) (snapshot.Provider, hcl.Diagnostics) {
	if len(blocks) == 0 {
		return nil, nil
	}
	var diags hcl.Diagnostics
	for _, extra := range blocks[1:] {
		diags = append(diags, diag.Duplicate("Duplicate snapshot block", "A snapshot block", blocks[0].DefRange, extra.DefRange, ""))
	}
	content, moreDiags := blocks[0].Body.Content(l.snapshotSchema())
	diags = append(diags, moreDiags...)
	name := "files"
	subject := blocks[0].DefRange
	if a, ok := content.Attributes["provider"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, ctx, &name)...)
		subject = a.Expr.Range()
	}
	t, ok := l.Snapshots.Lookup(name)
	if !ok {
		var known []string
		for _, t := range l.Snapshots {
			known = append(known, fmt.Sprintf("%q (%s)", t.Name, t.About))
		}
		return nil, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError, Summary: "Unknown snapshot provider",
			Detail:  fmt.Sprintf("There is no snapshot provider %q; use one of %s.", name, strings.Join(known, ", ")),
			Subject: subject.Ptr(),
		})
	}
	var names []string
	for _, s := range t.Settings {
		names = append(names, s.Name)
	}
	for _, name := range sortedKeys(content.Attributes) {
		a := content.Attributes[name]
		if name != "provider" && !slices.Contains(names, name) {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Attribute of another snapshot provider",
				Detail: fmt.Sprintf("%q is not a setting of the %s provider, which takes: %s. Remove it, or choose the provider it belongs to.",
					name, t.Name, strings.Join(names, ", ")),
				Subject: a.NameRange.Ptr(),
			})
		}
	}
	for _, s := range t.Settings {
		if _, ok := content.Attributes[s.Name]; !ok && s.Required != "" {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Missing snapshot setting",
				Detail:  fmt.Sprintf("The %s provider needs %s.", t.Name, s.Required),
				Subject: subject.Ptr(),
			})
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	b := &snapshotBody{attrs: content.Attributes, writes: writes, strings: map[string]string{}, lists: map[string][]string{}}
	for _, s := range t.Settings {
		a, ok := content.Attributes[s.Name]
		if !ok {
			continue
		}
		var more hcl.Diagnostics
		if s.List {
			var v []string
			if more = gohcl.DecodeExpression(a.Expr, ctx, &v); !more.HasErrors() {
				b.lists[s.Name] = v
			}
		} else {
			var v string
			if more = gohcl.DecodeExpression(a.Expr, ctx, &v); !more.HasErrors() {
				b.strings[s.Name] = v
			}
		}
		diags = append(diags, more...)
	}
	p := t.Decode(b)
	diags = append(diags, b.diags...)
	if diags.HasErrors() {
		return nil, diags
	}
	return p, diags
}

// snapshotBody is a snapshot block's decoded settings, as a provider's
// Decode reads them (snapshot.Body).
type snapshotBody struct {
	attrs   hcl.Attributes
	strings map[string]string
	lists   map[string][]string
	writes  []string
	diags   hcl.Diagnostics
}

func (b *snapshotBody) String(name string) (string, bool) {
	v, ok := b.strings[name]
	return v, ok
}

func (b *snapshotBody) Strings(name string) ([]string, bool) {
	v, ok := b.lists[name]
	return v, ok
}

func (b *snapshotBody) Writes() []string { return b.writes }

func (b *snapshotBody) Invalid(name, summary, detail string) {
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail}
	if a, ok := b.attrs[name]; ok {
		d.Subject = a.Expr.Range().Ptr()
	}
	b.diags = append(b.diags, d)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
