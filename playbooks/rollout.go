package playbooks

import (
	"fmt"
	"math/big"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/zclconf/go-cty/cty"

	"github.com/switchbackhq/switchback/internal/diag"
	"github.com/switchbackhq/switchback/runner/rollout"
)

var rolloutSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "strategy"},
		{Name: "waves"},
		{Name: "order"},
		{Name: "forks"},
		{Name: "max_fail"},
		{Name: "max_fail_total"},
		{Name: "rollback"},
		{Name: "pause"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "gate"}},
}

// decodeRollout reads the rollout block: the route map hosts follow, and
// its gate. Fields left out stay unset, so that flags and defaults can
// fill them.
func (l *Loader) decodeRollout(blocks []*hcl.Block, ctx *hcl.EvalContext) (rollout.Route, *Gate, hcl.Diagnostics) {
	if len(blocks) == 0 {
		return rollout.Route{}, nil, nil
	}
	var diags hcl.Diagnostics
	for _, extra := range blocks[1:] {
		diags = append(diags, diag.Duplicate("Duplicate rollout block", "A rollout block", blocks[0].DefRange, extra.DefRange,
			"A playbook has one default route map; merge the two, or name them (rollout \"db\" { groups = [...] })."))
	}
	r, gate, _, moreDiags := l.decodeRouteBlock(blocks[0], ctx, rolloutSchema)
	return r, gate, append(diags, moreDiags...)
}

// namedRolloutSchema adds what a named rollout needs: the groups it
// covers and the rollouts it runs after.
var namedRolloutSchema = &hcl.BodySchema{
	Attributes: append([]hcl.AttributeSchema{{Name: "groups", Required: true}, {Name: "after"}}, rolloutSchema.Attributes...),
	Blocks:     rolloutSchema.Blocks,
}

// decodeNamedRollouts reads rollout "name" blocks: hybrid route maps that
// give groups of hosts their own strategy, run in the order of after.
func (l *Loader) decodeNamedRollouts(blocks []*hcl.Block, ctx *hcl.EvalContext) ([]*NamedRollout, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	var out []*NamedRollout
	seen := map[string]*hcl.Block{}
	for _, b := range blocks {
		name := b.Labels[0]
		if prev, dup := seen[name]; dup {
			diags = append(diags, diag.Duplicate("Duplicate rollout", fmt.Sprintf("A rollout named %q", name), prev.DefRange, b.LabelRanges[0], ""))
			continue
		}
		seen[name] = b
		r, gate, content, moreDiags := l.decodeRouteBlock(b, ctx, namedRolloutSchema)
		diags = append(diags, moreDiags...)
		nr := &NamedRollout{Name: name, Route: r, Gate: gate, DeclRange: b.DefRange}
		if a, ok := content.Attributes["groups"]; ok {
			diags = append(diags, gohcl.DecodeExpression(a.Expr, ctx, &nr.Groups)...)
		}
		if a, ok := content.Attributes["after"]; ok {
			diags = append(diags, gohcl.DecodeExpression(a.Expr, ctx, &nr.After)...)
			nr.afterRange = a.Expr.Range()
		}
		out = append(out, nr)
	}
	sorted, moreDiags := orderRollouts(out)
	return sorted, append(diags, moreDiags...)
}

// orderRollouts sorts named rollouts so that each comes after those it
// names in after, keeping the written order otherwise; unknown names and
// cycles are errors.
func orderRollouts(rs []*NamedRollout) ([]*NamedRollout, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	byName := map[string]*NamedRollout{}
	for _, r := range rs {
		byName[r.Name] = r
	}
	for _, r := range rs {
		for _, a := range r.After {
			if byName[a] == nil {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError, Summary: "Unknown rollout in after",
					Detail:  fmt.Sprintf("Rollout %q runs after %q, but no rollout has that name.", r.Name, a),
					Subject: r.afterRange.Ptr(),
				})
			}
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	var sorted []*NamedRollout
	state := map[string]int{} // 0 unvisited, 1 visiting, 2 done
	var visit func(r *NamedRollout, path []string) bool
	visit = func(r *NamedRollout, path []string) bool {
		switch state[r.Name] {
		case 2:
			return true
		case 1:
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Rollouts wait for each other",
				Detail:  fmt.Sprintf("The after settings form a cycle: %s. Remove one of them.", strings.Join(append(path, r.Name), " → ")),
				Subject: r.afterRange.Ptr(),
			})
			return false
		}
		state[r.Name] = 1
		for _, a := range r.After {
			if !visit(byName[a], append(path, r.Name)) {
				return false
			}
		}
		state[r.Name] = 2
		sorted = append(sorted, r)
		return true
	}
	for _, r := range rs {
		if !visit(r, nil) {
			return nil, diags
		}
	}
	return sorted, diags
}

// decodeRouteBlock reads the route map of one rollout block.
func (l *Loader) decodeRouteBlock(b *hcl.Block, ctx *hcl.EvalContext, schema *hcl.BodySchema) (rollout.Route, *Gate, *hcl.BodyContent, hcl.Diagnostics) {
	var r rollout.Route
	var diags hcl.Diagnostics
	content, moreDiags := b.Body.Content(schema)
	diags = append(diags, moreDiags...)
	attr := func(name string) (*hcl.Attribute, bool) {
		a, ok := content.Attributes[name]
		return a, ok
	}
	invalid := func(a *hcl.Attribute, err error) {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError, Summary: "Invalid rollout setting", Detail: capitalize(err.Error()) + ".",
			Subject: a.Expr.Range().Ptr(),
		})
	}
	if a, ok := attr("strategy"); ok {
		var s string
		if d := gohcl.DecodeExpression(a.Expr, ctx, &s); d.HasErrors() {
			diags = append(diags, d...)
		} else if st, err := rollout.ParseStrategy(s); err != nil {
			invalid(a, err)
		} else {
			r.Strategy = st
		}
	}
	if a, ok := attr("order"); ok {
		var s string
		if d := gohcl.DecodeExpression(a.Expr, ctx, &s); d.HasErrors() {
			diags = append(diags, d...)
		} else if o, err := rollout.ParseOrder(s); err != nil {
			invalid(a, err)
		} else {
			r.Order = o
		}
	}
	if a, ok := attr("forks"); ok {
		if d := gohcl.DecodeExpression(a.Expr, ctx, &r.Forks); d.HasErrors() {
			diags = append(diags, d...)
		} else if r.Forks < 1 {
			invalid(a, fmt.Errorf("forks is %d; at least one host must be in flight", r.Forks))
		}
	}
	if a, ok := attr("waves"); ok {
		texts, d := sizeTexts(a, ctx)
		diags = append(diags, d...)
		for _, t := range texts {
			s, err := rollout.ParseSize(t)
			if err != nil {
				invalid(a, err)
				continue
			}
			r.Sizes = append(r.Sizes, s)
		}
		if len(texts) == 0 && !d.HasErrors() {
			invalid(a, fmt.Errorf("waves is empty; give sizes such as [1, \"10%%\", \"100%%\"]"))
		}
	}
	for name, dst := range map[string]*rollout.Threshold{"max_fail": &r.MaxFail, "max_fail_total": &r.MaxFailTotal} {
		a, ok := attr(name)
		if !ok {
			continue
		}
		text, d := scalarText(a.Expr, ctx)
		if d.HasErrors() {
			diags = append(diags, d...)
			continue
		}
		t, err := rollout.ParseThreshold(text)
		if err != nil {
			invalid(a, err)
			continue
		}
		*dst = t
	}
	if a, ok := attr("rollback"); ok {
		var s string
		if d := gohcl.DecodeExpression(a.Expr, ctx, &s); d.HasErrors() {
			diags = append(diags, d...)
		} else if rb, err := rollout.ParseRollback(s); err != nil {
			invalid(a, err)
		} else {
			r.Rollback = rb
		}
	}
	if a, ok := attr("pause"); ok {
		var s string
		if d := gohcl.DecodeExpression(a.Expr, ctx, &s); d.HasErrors() {
			diags = append(diags, d...)
		} else if p, err := rollout.ParsePause(s); err != nil {
			invalid(a, err)
		} else {
			r.Pause = p
		}
	}
	if _, ok := attr("strategy"); !ok && len(r.Sizes) > 0 {
		r.Strategy = rollout.Waves // wave sizes say it
	}
	if r.Strategy == rollout.Serial {
		for _, name := range []string{"waves", "forks"} {
			if a, ok := attr(name); ok {
				invalid(a, fmt.Errorf("%s needs strategy = \"waves\"; serial runs one host at a time", name))
			}
		}
	}
	var gate *Gate
	for i, b := range content.Blocks {
		if i > 0 {
			diags = append(diags, diag.Duplicate("Duplicate gate", "A gate", content.Blocks[0].DefRange, b.DefRange, "Put every check of the gate in one block."))
			continue
		}
		var moreDiags hcl.Diagnostics
		gate, moreDiags = l.decodeGate(b, ctx)
		diags = append(diags, moreDiags...)
	}
	return r, gate, content, diags
}

// decodeGate reads a gate: a soak time and the checks that must pass on
// each host once it converged.
func (l *Loader) decodeGate(b *hcl.Block, ctx *hcl.EvalContext) (*Gate, hcl.Diagnostics) {
	schema := phaseSchema(l.Registry.Names())
	schema.Attributes = []hcl.AttributeSchema{{Name: "soak"}}
	content, diags := b.Body.Content(schema)
	gate := &Gate{}
	if a, ok := content.Attributes["soak"]; ok {
		var text string
		if d := gohcl.DecodeExpression(a.Expr, ctx, &text); d.HasErrors() {
			diags = append(diags, d...)
		} else if soak, err := time.ParseDuration(text); err != nil || soak < 0 {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Invalid soak time",
				Detail:  fmt.Sprintf("soak is %q; give a duration such as \"30s\" or \"5m\".", text),
				Subject: a.Expr.Range().Ptr(),
			})
		} else {
			gate.Soak = soak
		}
	}
	var moreDiags hcl.Diagnostics
	gate.Steps, moreDiags = l.decodeSteps("gate", b.DefRange, content.Blocks, ctx, !diags.HasErrors())
	return gate, append(diags, moreDiags...)
}

// sizeTexts reads a list whose elements are counts or percentage strings.
func sizeTexts(a *hcl.Attribute, ctx *hcl.EvalContext) ([]string, hcl.Diagnostics) {
	v, diags := a.Expr.Value(ctx)
	if diags.HasErrors() {
		return nil, diags
	}
	if !v.CanIterateElements() || v.Type().IsMapType() || v.Type().IsObjectType() {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError, Summary: "Invalid rollout setting",
			Detail:  `waves is a list of sizes, such as [1, "10%", "50%", "100%"].`,
			Subject: a.Expr.Range().Ptr(),
		}}
	}
	var texts []string
	for it := v.ElementIterator(); it.Next(); {
		_, el := it.Element()
		t, err := valueText(el)
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError, Summary: "Invalid rollout setting",
				Detail: "Each wave size is a number of hosts or a percentage string such as \"10%\".", Subject: a.Expr.Range().Ptr(),
			})
			continue
		}
		texts = append(texts, t)
	}
	return texts, diags
}

func scalarText(expr hcl.Expression, ctx *hcl.EvalContext) (string, hcl.Diagnostics) {
	v, diags := expr.Value(ctx)
	if diags.HasErrors() {
		return "", diags
	}
	t, err := valueText(v)
	if err != nil {
		return "", hcl.Diagnostics{{
			Severity: hcl.DiagError, Summary: "Invalid rollout setting",
			Detail: "Give a number of hosts or a percentage string such as \"10%\".", Subject: expr.Range().Ptr(),
		}}
	}
	return t, nil
}

// valueText turns 3 into "3" and "10%" into "10%"; numbers keep their
// exact decimal form.
func valueText(v cty.Value) (string, error) {
	if v.IsNull() || !v.IsKnown() {
		return "", fmt.Errorf("no value")
	}
	switch v.Type() {
	case cty.String:
		return v.AsString(), nil
	case cty.Number:
		f := v.AsBigFloat()
		if !f.IsInt() {
			return "", fmt.Errorf("not a whole number")
		}
		i, _ := f.Int(new(big.Int))
		return i.String(), nil
	}
	return "", fmt.Errorf("not a number or string")
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
