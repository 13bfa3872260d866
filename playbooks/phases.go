package playbooks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// phaseRef is one name in a phase's depends_on, with where it is written.
type phaseRef struct {
	Name  string
	Range hcl.Range
}

var dependsOnSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "depends_on"}},
}

// decodeDependsOn reads depends_on = ["phase", ...] of a phase block.
// The names are plain strings, not expressions: the order of phases is
// the same for every host and every set of variables.
func decodeDependsOn(b *hcl.Block) ([]phaseRef, hcl.Diagnostics) {
	content, _, diags := b.Body.PartialContent(dependsOnSchema)
	a, ok := content.Attributes["depends_on"]
	if !ok {
		return nil, diags
	}
	exprs, moreDiags := hcl.ExprList(a.Expr)
	if moreDiags.HasErrors() {
		return nil, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid depends_on",
			Detail:   `depends_on is a list of phase names: depends_on = ["packages"].`,
			Subject:  a.Expr.Range().Ptr(),
		})
	}
	var refs []phaseRef
	for _, e := range exprs {
		v, moreDiags := e.Value(nil)
		if moreDiags.HasErrors() || v.IsNull() || !v.IsKnown() || v.Type() != cty.String {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid depends_on",
				Detail:   `depends_on lists phase names as literal strings: depends_on = ["packages"].`,
				Subject:  e.Range().Ptr(),
			})
			continue
		}
		refs = append(refs, phaseRef{Name: v.AsString(), Range: e.Range()})
	}
	return refs, diags
}

// orderPhases sorts phases so that each runs after the phases it depends
// on, keeping file order wherever the dependencies leave a choice. deps
// holds each phase's depends_on by phase name. Unknown names and cycles
// are errors; the phases are then returned in file order.
func orderPhases(phases []*Phase, deps map[string][]phaseRef) ([]*Phase, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	byName := make(map[string]*Phase, len(phases))
	names := make([]string, len(phases))
	for i, p := range phases {
		byName[p.Name] = p
		names[i] = p.Name
	}
	for _, p := range phases {
		p.DependsOn = nil
		for _, ref := range deps[p.Name] {
			switch {
			case ref.Name == p.Name:
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Phase depends on itself",
					Detail:   fmt.Sprintf("Phase %q lists itself in depends_on; remove it.", p.Name),
					Subject:  ref.Range.Ptr(),
				})
			case byName[ref.Name] == nil:
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Unknown phase in depends_on",
					Detail:   fmt.Sprintf("Phase %q depends on %q, but there is no such phase. The phases are: %s.", p.Name, ref.Name, strings.Join(names, ", ")),
					Subject:  ref.Range.Ptr(),
				})
			case !slices.Contains(p.DependsOn, ref.Name):
				p.DependsOn = append(p.DependsOn, ref.Name)
			}
		}
	}
	order, cycles := topoSort(names, func(n string) []string { return byName[n].DependsOn })
	for _, c := range cycles {
		var steps []string
		for i, n := range c {
			next := c[(i+1)%len(c)]
			for _, ref := range deps[n] {
				if ref.Name == next {
					steps = append(steps, fmt.Sprintf("phase %q (line %d) depends on %q on line %d",
						n, byName[n].DeclRange.Start.Line, next, ref.Range.Start.Line))
					break
				}
			}
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Phases depend on each other in a cycle",
			Detail: fmt.Sprintf("None of them can run first:\n  %s.\nRemove one of these depends_on entries.",
				strings.Join(steps, ",\n  ")),
			Subject: byName[c[0]].DeclRange.Ptr(),
		})
	}
	if diags.HasErrors() {
		return phases, diags
	}
	sorted := make([]*Phase, len(order))
	for i, n := range order {
		sorted[i] = byName[n]
	}
	return sorted, diags
}

// topoSort orders nodes so that each comes after every node deps names,
// taking the earliest ready node of the given order each time, so the
// result is stable. Nodes that cannot be ordered are left out; each cycle
// among them is returned once, starting at its earliest node and
// following deps. Names in deps that are not nodes are ignored.
func topoSort(nodes []string, deps func(string) []string) (order []string, cycles [][]string) {
	index := make(map[string]int, len(nodes))
	for i, n := range nodes {
		index[n] = i
	}
	done := make([]bool, len(nodes))
	ready := func(n string) bool {
		for _, d := range deps(n) {
			if i, ok := index[d]; ok && !done[i] {
				return false
			}
		}
		return true
	}
	for progress := true; progress; {
		progress = false
		for i, n := range nodes {
			if !done[i] && ready(n) {
				done[i] = true
				order = append(order, n)
				progress = true
				break
			}
		}
	}
	if len(order) == len(nodes) {
		return order, nil
	}

	// What is left is cycles and nodes waiting on them. A node is on a
	// cycle when it can reach itself; report each cycle at its earliest
	// node and skip nodes already named in one.
	seen := map[string]bool{}
	for i, n := range nodes {
		if done[i] || seen[n] {
			continue
		}
		path := shortestPath(n, n, deps, index)
		if path == nil {
			continue
		}
		for _, p := range path {
			seen[p] = true
		}
		cycles = append(cycles, path)
	}
	return order, cycles
}

// shortestPath finds the shortest walk from start back to goal along
// deps, as the list of nodes visited (start first, goal not repeated).
func shortestPath(start, goal string, deps func(string) []string, index map[string]int) []string {
	prev := map[string]string{}
	queue := []string{start}
	visited := map[string]bool{}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, d := range deps(n) {
			if _, ok := index[d]; !ok {
				continue
			}
			if d == goal {
				path := []string{n}
				for p := n; p != start; {
					p = prev[p]
					path = append(path, p)
				}
				slices.Reverse(path)
				return path
			}
			if !visited[d] {
				visited[d] = true
				prev[d] = n
				queue = append(queue, d)
			}
		}
	}
	return nil
}
