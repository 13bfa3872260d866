package playbooks

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/switchbackhq/switchback/internal/diag"
)

// Local is a named value computed once per playbook from variables,
// other locals and functions: locals { name = expr }.
type Local struct {
	Name string
	// Value has no marks, so any code may read it; Sensitive says whether
	// any part of it came from a sensitive variable.
	Value     cty.Value
	Sensitive bool
	DeclRange hcl.Range

	expr   hcl.Expression
	marked cty.Value
}

// localRef is one use of local.name in a local's expression.
type localRef struct {
	name string
	rng  hcl.Range
}

// decodeLocals reads every locals block and evaluates the locals in
// dependency order, each once. Broken locals (and those depending on
// them) get an unknown value, so their uses raise no second error.
func decodeLocals(blocks []*hcl.Block, vars []*Variable, baseDir string) ([]*Local, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	var locals []*Local
	byName := map[string]*Local{}
	for _, b := range blocks {
		attrs, moreDiags := b.Body.JustAttributes()
		diags = append(diags, moreDiags...)
		for _, a := range sortedAttributes(attrs) {
			if prev, dup := byName[a.Name]; dup {
				diags = append(diags, diag.Duplicate("Duplicate local", fmt.Sprintf("local.%s", a.Name),
					prev.DeclRange, a.NameRange, "Give each local its own name."))
				continue
			}
			lv := &Local{Name: a.Name, DeclRange: a.NameRange, expr: a.Expr}
			byName[a.Name] = lv
			locals = append(locals, lv)
		}
	}

	deps := map[*Local][]localRef{}
	broken := map[*Local]bool{}
	for _, lv := range locals {
		for _, tr := range lv.expr.Variables() {
			if tr.RootName() != "local" {
				continue
			}
			attr, ok := traversalAttr(tr)
			if !ok {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Invalid reference to a local",
					Detail:   "Refer to a local as local.NAME.",
					Subject:  tr.SourceRange().Ptr(),
				})
				broken[lv] = true
				continue
			}
			if _, ok := byName[attr]; !ok {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Reference to undeclared local",
					Detail:   fmt.Sprintf("No local named %q is declared. Declare it in a locals block, or fix the name.", attr),
					Subject:  tr.SourceRange().Ptr(),
				})
				broken[lv] = true
				continue
			}
			deps[lv] = append(deps[lv], localRef{name: attr, rng: tr.SourceRange()})
		}
	}

	order, cycles := sortLocals(locals, deps, byName)
	for _, cycle := range cycles {
		diags = append(diags, cycleDiagnostic(cycle, deps))
		for _, lv := range cycle {
			broken[lv] = true
		}
	}

	values := map[string]cty.Value{}
	for _, lv := range locals {
		values[lv.Name] = cty.DynamicVal
	}
	vals := map[string]cty.Value{}
	for _, v := range vars {
		vals[v.Name] = v.markedValue()
	}
	ctx := &hcl.EvalContext{
		Variables: map[string]cty.Value{"var": cty.ObjectVal(vals)},
		Functions: Functions(baseDir),
	}
	for _, lv := range order {
		for _, d := range deps[lv] {
			if broken[byName[d.name]] {
				broken[lv] = true
			}
		}
		if broken[lv] {
			lv.marked = cty.DynamicVal
		} else {
			ctx.Variables["local"] = cty.ObjectVal(values)
			val, moreDiags := lv.expr.Value(ctx)
			diags = append(diags, moreDiags...)
			if moreDiags.HasErrors() {
				broken[lv] = true
				val = cty.DynamicVal
			}
			lv.marked = val
		}
		values[lv.Name] = lv.marked
		lv.Sensitive = lv.marked.ContainsMarked()
		lv.Value, _ = lv.marked.UnmarkDeep()
	}
	for _, lv := range locals {
		if lv.marked == cty.NilVal {
			lv.marked, lv.Value = cty.DynamicVal, cty.DynamicVal
		}
	}
	return locals, diags
}

// traversalAttr is NAME in local.NAME.
func traversalAttr(tr hcl.Traversal) (string, bool) {
	if len(tr) < 2 {
		return "", false
	}
	attr, ok := tr[1].(hcl.TraverseAttr)
	return attr.Name, ok
}

// sortedAttributes returns attributes in source order (JustAttributes
// returns a map).
func sortedAttributes(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].NameRange.Start.Byte < out[j-1].NameRange.Start.Byte; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// sortLocals orders locals so each comes after those it uses, keeping
// source order where there is a choice. Locals on a cycle are returned
// as cycles, each starting at its first local in source order.
func sortLocals(locals []*Local, deps map[*Local][]localRef, byName map[string]*Local) ([]*Local, [][]*Local) {
	nodes := make([]string, len(locals))
	for i, lv := range locals {
		nodes[i] = lv.Name
	}
	edges := func(name string) []string {
		var out []string
		for _, d := range deps[byName[name]] {
			out = append(out, d.name)
		}
		return out
	}
	order, cycles := topoSort(nodes, edges)
	var sorted []*Local
	for _, n := range order {
		sorted = append(sorted, byName[n])
	}
	var out [][]*Local
	for _, c := range cycles {
		var cyc []*Local
		for _, n := range c {
			cyc = append(cyc, byName[n])
		}
		out = append(out, cyc)
	}
	return sorted, out
}

func cycleDiagnostic(cycle []*Local, deps map[*Local][]localRef) *hcl.Diagnostic {
	var steps []string
	for i, lv := range cycle {
		next := cycle[(i+1)%len(cycle)]
		for _, d := range deps[lv] {
			if d.name == next.Name {
				steps = append(steps, fmt.Sprintf("local.%s (line %d) uses local.%s on line %d, column %d",
					lv.Name, lv.DeclRange.Start.Line, next.Name, d.rng.Start.Line, d.rng.Start.Column))
				break
			}
		}
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Locals refer to each other in a cycle",
		Detail: fmt.Sprintf("None of them can be computed first:\n  %s.\nBreak the cycle by computing one of them from variables only.",
			strings.Join(steps, ",\n  ")),
		Subject: cycle[0].DeclRange.Ptr(),
	}
}
