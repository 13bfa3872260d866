package modules

import (
	"fmt"
	"slices"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Type is one step type: the HCL block name and how to decode its body.
// Decoding has no side effects; a decoded Module only touches a host when
// the runner calls it.
type Type struct {
	Name   string
	Decode func(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics)
	// Owns lists settings that every step takes (timeout, ...) which
	// this type reads itself, with its own meaning.
	Owns []string
	// Label names the argument that the step's label stands for when it
	// is left out, for a type that manages one named thing:
	// service "chronyd" { enabled = true } manages the service chronyd.
	Label string
}

// Registry maps HCL block types to step types.
type Registry struct {
	types map[string]Type
}

// NewRegistry builds a registry from an explicit list of types.
func NewRegistry(types ...Type) (*Registry, error) {
	r := &Registry{types: make(map[string]Type, len(types))}
	for _, t := range types {
		if _, dup := r.types[t.Name]; dup {
			return nil, fmt.Errorf("step type %q registered twice", t.Name)
		}
		r.types[t.Name] = t
	}
	return r, nil
}

// Builtin returns the registry of every step type switchback ships.
// The list is written out here, in one place, rather than assembled by
// init functions, so a reader sees every step type at a glance.
func Builtin() *Registry {
	r, err := NewRegistry(
		ApkType(),
		ApkRepositoryType(),
		ApkKeyType(),
		CommandType(),
		ScriptType(),
		FileType(),
		CopyType(),
		TemplateType(),
		LineType(),
		ServiceType(),
		OpenRCScriptType(),
		UserType(),
		GroupType(),
		WaitForType(),
		AssertType(),
		AshCheckType(),
	)
	if err != nil {
		panic(err) // a programming error in the list above, caught by every test
	}
	return r
}

// Names lists the registered block types in a stable order.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.types))
	for n := range r.types {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Owns says whether a step type reads the setting name itself.
func (r *Registry) Owns(typ, name string) bool {
	t, ok := r.types[typ]
	return ok && slices.Contains(t.Owns, name)
}

// Label is the argument a step type's label stands for, or "".
func (r *Registry) Label(typ string) string {
	return r.types[typ].Label
}

// Decode builds the module of a step block.
func (r *Registry) Decode(typ string, body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	t, ok := r.types[typ]
	if !ok {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Unknown step type",
			Detail:   fmt.Sprintf("There is no step type %q.", typ),
			Subject:  body.MissingItemRange().Ptr(),
		}}
	}
	return t.Decode(body, ctx)
}

// attrRange finds where an attribute was written, so that a value that
// decodes but makes no sense can still be pointed at precisely.
func attrRange(body hcl.Body, name string) *hcl.Range {
	if sb, ok := body.(*hclsyntax.Body); ok {
		if a, ok := sb.Attributes[name]; ok {
			r := a.Expr.Range()
			return &r
		}
	}
	r := body.MissingItemRange()
	return &r
}

func attrError(body hcl.Body, name, summary, detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   detail,
		Subject:  attrRange(body, name),
	}
}
