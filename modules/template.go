package modules

import (
	"context"
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/switchbackhq/switchback/internal/hcldepth"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Template renders an HCL template file of the controller with vars and
// installs the result on the host like copy does. Rendering happens when
// the step is decoded, with the playbook's own templatefile function, so
// the plan can show the diff of the rendered text.
type Template struct {
	Source string
	spec   installSpec
}

var _ Module = (*Template)(nil)

// Writes is the destination.
func (m *Template) Writes() []string { return []string{m.spec.Dest} }

type templateConfig struct {
	Source   string    `hcl:"source"`
	Vars     cty.Value `hcl:"vars,optional"`
	Dest     string    `hcl:"dest"`
	Mode     *string   `hcl:"mode,optional"`
	Owner    *string   `hcl:"owner,optional"`
	Group    *string   `hcl:"group,optional"`
	Backup   *bool     `hcl:"backup,optional"`
	Validate *string   `hcl:"validate,optional"`
}

// TemplateType registers the template step.
func TemplateType() Type {
	return Type{Name: "template", Decode: decodeTemplate}
}

func decodeTemplate(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg templateConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	spec, moreDiags := decodeInstall(body, installAttrs{cfg.Dest, cfg.Mode, cfg.Owner, cfg.Group, cfg.Backup, cfg.Validate})
	diags = append(diags, moreDiags...)
	vars := cfg.Vars
	if vars == cty.NilVal || vars.IsNull() {
		vars = cty.EmptyObjectVal
	}
	if !vars.Type().IsObjectType() && !vars.Type().IsMapType() {
		return nil, append(diags, attrError(body, "vars", "Invalid vars",
			"vars must be an object: vars = { name = \"value\" }."))
	}
	text, d := renderTemplate(body, ctx, cfg.Source, vars)
	if d != nil {
		return nil, append(diags, d)
	}
	spec.Content = text
	return &Template{Source: resolveSource(body, cfg.Source), spec: spec}, diags
}

// function finds a function in ctx or the contexts it extends: a step is
// decoded in a child of the playbook's scope.
func lookupFunction(ctx *hcl.EvalContext, name string) (function.Function, bool) {
	for c := ctx; c != nil; c = c.Parent() {
		if f, ok := c.Functions[name]; ok {
			return f, true
		}
	}
	return function.Function{}, false
}

// renderTemplate calls the playbook's templatefile function, which
// resolves paths against the playbook; without one (a registry used
// outside a playbook), the template is read and rendered here with the
// same HCL template language and whatever functions ctx has.
func renderTemplate(body hcl.Body, ctx *hcl.EvalContext, src string, vars cty.Value) (string, *hcl.Diagnostic) {
	fail := func(detail string) (string, *hcl.Diagnostic) {
		return "", attrError(body, "source", "Cannot render template", detail)
	}
	if f, ok := lookupFunction(ctx, "templatefile"); ok {
		v, err := f.Call([]cty.Value{cty.StringVal(src), vars})
		if err != nil {
			return fail(fmt.Sprintf("templatefile(%q): %v", src, err))
		}
		if !v.IsKnown() {
			// vars hold values known only on a host (host.*, facts.*,
			// registered.*, each.*): the step is rendered there. Said of
			// vars, so that checking the step without a host lets it be.
			return "", attrError(body, "vars", "Template needs a host",
				fmt.Sprintf("templatefile(%q) can be rendered only once the values of vars are known, on each host.", src))
		}
		if v.Type() != cty.String || v.IsNull() {
			return fail(fmt.Sprintf("templatefile(%q) did not give a string.", src))
		}
		return v.AsString(), nil
	}
	path, text, d := readSource(body, "source", src)
	if d != nil {
		return "", d
	}
	if d := hcldepth.CheckTemplate([]byte(text), path); d != nil {
		return fail(fmt.Sprintf("%s: %s", d.Subject, d.Detail))
	}
	expr, diags := hclsyntax.ParseTemplate([]byte(text), path, hcl.InitialPos)
	if diags.HasErrors() {
		return fail(diags.Error())
	}
	scope := &hcl.EvalContext{Variables: map[string]cty.Value{}}
	for c := ctx; c != nil; c = c.Parent() {
		if c.Functions != nil {
			scope.Functions = c.Functions
			break
		}
	}
	for it := vars.ElementIterator(); it.Next(); {
		k, v := it.Element()
		scope.Variables[k.AsString()] = v
	}
	v, diags := expr.Value(scope)
	if diags.HasErrors() {
		return fail(diags.Error())
	}
	if !v.IsKnown() {
		return "", attrError(body, "vars", "Template needs a host",
			fmt.Sprintf("%s can be rendered only once the values of vars are known, on each host.", src))
	}
	if v.IsNull() {
		return fail("the template rendered to no value")
	}
	s, err := convertToString(v)
	if err != nil {
		return fail(err.Error())
	}
	return s, nil
}

func convertToString(v cty.Value) (string, error) {
	if v.Type() != cty.String {
		return "", fmt.Errorf("the template rendered a %s, not text", v.Type().FriendlyName())
	}
	return v.AsString(), nil
}

func (m *Template) Summary() string {
	return fmt.Sprintf("template %s → %s%s", m.Source, displayPath(m.spec.Dest), m.spec.details())
}

func (m *Template) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	return checkInstall(ctx, h, m.spec)
}

func (m *Template) Apply(ctx context.Context, h hostcmd.Host, p Plan) error {
	return applyInstall(ctx, h, m.spec, p)
}

func (m *Template) Chainable(p Plan) bool { return chainable(m.spec, p) }
