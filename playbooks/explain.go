package playbooks

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/agext/levenshtein"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// What a newcomer gets wrong first (a misspelt variable, a block or an
// argument that does not exist) deserves a message that says what is
// there instead. HCL's own messages describe the value ("This object
// does not have an attribute named ..."); these say what the playbook
// declares and suggest the closest name.

// suggest returns the declared name closest to given, if one is close
// enough to be a likely typo: at most two edits, or a third of the
// name's length; or a name that given is a prefix of.
func suggest(given string, names []string) string {
	best, bestDist := "", -1
	for _, n := range names {
		d := levenshtein.Distance(given, n, nil)
		if bestDist < 0 || d < bestDist || (d == bestDist && n < best) {
			best, bestDist = n, d
		}
	}
	if best != "" && (bestDist <= 2 || bestDist <= len(given)/3) {
		return best
	}
	for _, n := range names {
		if len(given) >= 3 && abbreviates(given, n) {
			return n
		}
	}
	return ""
}

// abbreviates says whether given is n shortened: its first letter, then
// the rest of its letters in order ("pkgs" for "packages", "svc" for
// "service").
func abbreviates(given, n string) bool {
	if given == "" || n == "" || given[0] != n[0] {
		return false
	}
	i := 0
	for j := 0; j < len(n) && i < len(given); j++ {
		if n[j] == given[i] {
			i++
		}
	}
	return i == len(given)
}

// didYouMean is " Did you mean "x"?" or "".
func didYouMean(given string, names []string) string {
	if s := suggest(given, names); s != "" {
		return fmt.Sprintf(" Did you mean %q?", s)
	}
	return ""
}

// scopeNames are the names each root of an expression offers, for
// explaining references to names that do not exist.
type scopeNames struct {
	vars, locals, registered []string
}

// explainReferences rewrites HCL's "Unsupported attribute" errors about
// var.NAME and local.NAME (and host.NAME, facts.NAME, registered.NAME)
// into what they mean: no such variable is declared, with the closest
// declared name.
func explainReferences(diags hcl.Diagnostics, names scopeNames) {
	for _, d := range diags {
		if d.Summary != "Unsupported attribute" || d.Expression == nil {
			continue
		}
		st, ok := d.Expression.(*hclsyntax.ScopeTraversalExpr)
		if !ok || len(st.Traversal) < 2 {
			continue
		}
		attr, ok := st.Traversal[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		name := attr.Name
		switch root := st.Traversal.RootName(); root {
		case "var":
			if slices.Contains(names.vars, name) {
				continue
			}
			d.Summary = "Reference to undeclared variable"
			d.Detail = fmt.Sprintf("No variable %q is declared.", name) +
				orList(name, "variables", names.vars, fmt.Sprintf("Declare it with a variable %q { } block, or fix the name.", name))
		case "local":
			if slices.Contains(names.locals, name) {
				continue
			}
			d.Summary = "Reference to undeclared local"
			d.Detail = fmt.Sprintf("No local %q is declared.", name) +
				orList(name, "locals", names.locals, "Declare it in a locals block, or fix the name.")
		case "registered":
			if slices.Contains(names.registered, name) {
				continue
			}
			d.Summary = "Reference to an unregistered result"
			d.Detail = fmt.Sprintf("No step registers %q.", name) +
				orList(name, "registered results", names.registered, fmt.Sprintf("Add register = %q to the step whose result this reads, or fix the name.", name))
		case "host", "facts":
			attrs := objectAttrs(root)
			if slices.Contains(attrs, name) {
				continue
			}
			d.Detail = fmt.Sprintf("%s has no attribute %q.", root, name) + orList(name, "attributes of "+root, attrs, "")
		}
	}
}

// orList is " Did you mean "x"?" when a declared name is close, or else
// what is declared and how to declare the name.
func orList(name, what string, declared []string, how string) string {
	if s := didYouMean(name, declared); s != "" {
		return s
	}
	out := ""
	switch {
	case len(declared) == 0:
		out = fmt.Sprintf(" There are no %s.", what)
	case len(declared) <= 12:
		sorted := slices.Clone(declared)
		sort.Strings(sorted)
		out = fmt.Sprintf(" The %s are: %s.", what, strings.Join(sorted, ", "))
	}
	if how != "" {
		out += " " + how
	}
	return out
}

// objectAttrs lists what host.* and facts.* hold.
func objectAttrs(root string) []string {
	var t cty.Type
	switch root {
	case "host":
		t = hostType
	case "facts":
		t = factsType()
	default:
		return nil
	}
	var names []string
	for n := range t.AttributeTypes() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var quotedName = regexp.MustCompile(`"([^"]+)"`)

// explainUnsupported completes HCL's "Unsupported block type" and
// "Unsupported argument" errors with the closest name the place takes
// (HCL's own guess only looks for small typos: "pkgs" is "packages"),
// or the list of what it takes. Names in first are suggested before
// those in rest (a step's own arguments before the settings every step
// has). hint, if set, is added to an unsupported block's message.
func explainUnsupported(diags hcl.Diagnostics, place string, blocks, first, rest []string, hint string) {
	for _, d := range diags {
		var kind, lead string
		var names []string
		switch d.Summary {
		case "Unsupported block type":
			kind, lead, names = "blocks", "Blocks of type %q are not expected here.", blocks
		case "Unsupported argument":
			kind, lead, names = "arguments", "An argument named %q is not expected here.", append(slices.Clone(first), rest...)
		default:
			continue
		}
		if strings.Contains(d.Detail, "Did you mean to define") || strings.Contains(d.Detail, place) {
			continue // HCL saw a block written as an argument, or the reverse
		}
		m := quotedName.FindStringSubmatch(d.Detail)
		if m == nil {
			continue
		}
		given := m[1]
		d.Detail = fmt.Sprintf(lead, given)
		s := ""
		if kind == "arguments" {
			s = suggest(given, first)
			if s == "" {
				s = suggest(given, rest)
			}
		} else {
			s = suggest(given, blocks)
		}
		if s != "" {
			d.Detail += fmt.Sprintf(" Did you mean %q?", s)
			continue
		}
		if len(names) > 0 {
			d.Detail += fmt.Sprintf(" %s takes these %s: %s.", place, kind, strings.Join(names, ", "))
		} else {
			d.Detail += fmt.Sprintf(" %s takes no %s.", place, kind)
		}
		if kind == "blocks" && hint != "" {
			d.Detail += " " + hint
		}
	}
}

// schemaRecorder is a body that remembers the schemas it was decoded
// with: decoding a step again through it tells which arguments and
// blocks its type takes, without each type having to list them.
type schemaRecorder struct {
	hcl.Body
	attrs, blocks []string
}

func (r *schemaRecorder) note(s *hcl.BodySchema) {
	for _, a := range s.Attributes {
		if !slices.Contains(r.attrs, a.Name) {
			r.attrs = append(r.attrs, a.Name)
		}
	}
	for _, b := range s.Blocks {
		if !slices.Contains(r.blocks, b.Type) {
			r.blocks = append(r.blocks, b.Type)
		}
	}
}

func (r *schemaRecorder) Content(s *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	r.note(s)
	return r.Body.Content(s)
}

func (r *schemaRecorder) PartialContent(s *hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	r.note(s)
	return r.Body.PartialContent(s)
}

func blockTypes(s *hcl.BodySchema) []string {
	var out []string
	for _, b := range s.Blocks {
		out = append(out, b.Type)
	}
	return out
}

func attrNames(s *hcl.BodySchema) []string {
	var out []string
	for _, a := range s.Attributes {
		out = append(out, a.Name)
	}
	return out
}
