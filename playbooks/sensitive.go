package playbooks

import (
	"slices"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/switchbackhq/switchback/internal/shell"
)

// SensitiveValues returns the text of every sensitive value: those of
// variables declared sensitive, the parts of lists, maps and objects
// that are, and every local computed from one, each also as shellquote
// writes it. Output shows
// "(sensitive)" in their place. Strings and numbers are listed (bools
// and empty strings would mask too much), longest first so that a value
// containing another is replaced whole.
func (p *Playbook) SensitiveValues() []string {
	return slices.Clone(p.sensitive)
}

// MaskSensitive replaces every sensitive value in s with "(sensitive)".
func (p *Playbook) MaskSensitive(s string) string {
	for _, v := range p.sensitive {
		s = strings.ReplaceAll(s, v, "(sensitive)")
	}
	return s
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
						// shellquote(...) in a command changes how the
						// value reads there.
						seen[shell.Quote(s.AsString())] = true
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
