package playbooks

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/switchbackhq/switchback/internal/redact"
)

// SensitiveValues returns the text of every sensitive value: those of
// variables declared sensitive, the parts of lists, maps and objects
// that are, and every local computed from one. Strings and numbers are
// listed (bools and empty strings would mask too much), longest first.
// Output hides them in every form text gives them (package redact);
// those shorter than redact.MinLen are not looked for in text, and the
// diffs of steps that use any of them are hidden whole (Step.Sensitive).
func (p *Playbook) SensitiveValues() []string {
	return slices.Clone(p.sensitive)
}

// SensitiveVariables names the variables declared sensitive.
func (p *Playbook) SensitiveVariables() []string {
	var names []string
	for _, v := range p.Variables {
		if v.Sensitive {
			names = append(names, v.Name)
		}
	}
	return names
}

// MaskSensitive replaces every sensitive value in s with "(sensitive)".
func (p *Playbook) MaskSensitive(s string) string {
	return redact.New(p.sensitive).Text(s)
}

func collectSensitive(vars []*Variable, locals []*Local) []string {
	seen := map[string]bool{}
	add := func(marked cty.Value) {
		if !marked.ContainsMarked() {
			return
		}
		plain, paths := marked.UnmarkDeepWithPaths()
		for _, pm := range paths {
			if !pm.Marks.Has(sensitiveMark) {
				continue
			}
			part, err := pm.Path.Apply(plain)
			if err != nil {
				continue
			}
			_ = cty.Walk(part, func(_ cty.Path, v cty.Value) (bool, error) {
				if v.IsNull() || !v.IsKnown() {
					return false, nil
				}
				if t := v.Type(); t == cty.String || t == cty.Number {
					if s, err := convert.Convert(v, cty.String); err == nil && s.AsString() != "" {
						seen[s.AsString()] = true
					}
				}
				return true, nil
			})
		}
	}
	for _, v := range vars {
		add(v.markedValue())
	}
	for _, l := range locals {
		add(l.marked)
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return out
}

// markSensitiveSteps sets Step.Sensitive on every step that refers to a
// sensitive variable, a local computed from one, or the registered
// result of a step that does: what such a step writes holds a secret,
// so its diff is never shown, whatever the secret's length.
func (p *Playbook) markSensitiveSteps() {
	refs := map[string]map[string]bool{"var": {}, "local": {}, "registered": {}}
	for _, v := range p.Variables {
		if v.Sensitive {
			refs["var"][v.Name] = true
		}
	}
	for _, l := range p.Locals {
		if l.Sensitive {
			refs["local"][l.Name] = true
		}
	}
	if len(refs["var"]) == 0 {
		return
	}
	for changed := true; changed; {
		changed = false
		for _, st := range p.allSteps() {
			if st.Sensitive || !st.refersToAny(refs) {
				continue
			}
			st.Sensitive, changed = true, true
			if st.Meta.Register != "" {
				refs["registered"][st.Meta.Register] = true
			}
		}
	}
}

// refersToAny says whether any expression of the step names root.name for
// a name in refs[root].
func (st *Step) refersToAny(refs map[string]map[string]bool) bool {
	var exprs []hcl.Expression
	for _, e := range []hcl.Expression{st.Meta.When, st.Meta.ForEach} {
		if e != nil {
			exprs = append(exprs, e)
		}
	}
	var walk func(b *hclsyntax.Body)
	walk = func(b *hclsyntax.Body) {
		for _, a := range b.Attributes {
			exprs = append(exprs, a.Expr)
		}
		for _, blk := range b.Blocks {
			walk(blk.Body)
		}
	}
	if sb, ok := st.body.(*hclsyntax.Body); ok {
		walk(sb)
	}
	for _, e := range exprs {
		for _, tr := range e.Variables() {
			if len(tr) < 2 || !refs[tr.RootName()][traversalName(tr[1])] {
				continue
			}
			return true
		}
	}
	return false
}

func traversalName(t hcl.Traverser) string {
	switch t := t.(type) {
	case hcl.TraverseAttr:
		return t.Name
	case hcl.TraverseIndex:
		if t.Key.Type() == cty.String && t.Key.IsKnown() {
			return t.Key.AsString()
		}
	}
	return ""
}
