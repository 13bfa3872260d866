package playbooks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/switchbackhq/switchback/internal/diag"
)

// ParseVarFlags turns repeated --var name=value flags into a map.
func ParseVarFlags(flags []string) (map[string]string, error) {
	vars := make(map[string]string, len(flags))
	for _, f := range flags {
		name, value, ok := strings.Cut(f, "=")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("--var %q: write it as --var name=value", f)
		}
		vars[strings.TrimSpace(name)] = value
	}
	return vars, nil
}

func decodeVariables(blocks []*hcl.Block, given map[string]string) ([]*Variable, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	var vars []*Variable
	declared := map[string]*hcl.Block{}
	for _, b := range blocks {
		name := b.Labels[0]
		if prev, dup := declared[name]; dup {
			diags = append(diags, diag.Duplicate("Duplicate variable", fmt.Sprintf("Variable %q", name),
				prev.DefRange, b.LabelRanges[0], ""))
			continue
		}
		if !hclsyntax.ValidIdentifier(name) {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid variable name",
				Detail:   fmt.Sprintf("%q cannot be used in expressions; a name starts with a letter and holds letters, digits, _ and -.", name),
				Subject:  b.LabelRanges[0].Ptr(),
			})
			continue
		}
		declared[name] = b
		v, moreDiags := decodeVariable(b, given)
		diags = append(diags, moreDiags...)
		if v == nil {
			// Declared but broken: its uses are unknown rather than
			// undefined, so they do not add a misleading second error.
			v = &Variable{Name: name, Type: cty.DynamicPseudoType, Value: cty.DynamicVal, DeclRange: b.DefRange}
		}
		vars = append(vars, v)
	}

	// A --var for a variable nobody declared is almost always a typo.
	var unknown []string
	for name := range given {
		if _, ok := declared[name]; !ok {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	for _, name := range unknown {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Value for undeclared variable",
			Detail:   fmt.Sprintf("--var %s=... sets a variable that the playbook does not declare. Declare it with a variable %q block, or fix the name.", name, name),
		})
	}
	return vars, diags
}

func decodeVariable(b *hcl.Block, given map[string]string) (*Variable, hcl.Diagnostics) {
	v := &Variable{Name: b.Labels[0], Type: cty.DynamicPseudoType, DeclRange: b.DefRange}
	content, diags := b.Body.Content(variableSchema)
	if diags.HasErrors() {
		return nil, diags
	}
	if a, ok := content.Attributes["description"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &v.Description)...)
	}
	if a, ok := content.Attributes["type"]; ok {
		t, moreDiags := typeexpr.TypeConstraint(a.Expr)
		diags = append(diags, moreDiags...)
		if moreDiags.HasErrors() {
			return nil, diags
		}
		v.Type = t
	}

	if raw, ok := given[v.Name]; ok {
		val, err := parseGivenValue(raw, v.Type)
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid value for variable",
				Detail:   fmt.Sprintf("--var %s=%s: %s.", v.Name, raw, err),
				Subject:  b.DefRange.Ptr(),
			})
			return nil, diags
		}
		v.Value = val
		return v, diags
	}

	a, ok := content.Attributes["default"]
	if !ok {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "No value for required variable",
			Detail:   fmt.Sprintf("Variable %q has no default. Give it one, or pass --var %s=VALUE.", v.Name, v.Name),
			Subject:  b.DefRange.Ptr(),
		})
		return nil, diags
	}
	val, moreDiags := a.Expr.Value(nil)
	diags = append(diags, moreDiags...)
	if moreDiags.HasErrors() {
		return nil, diags
	}
	val, err := convert.Convert(val, v.Type)
	if err != nil {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Default does not match the variable's type",
			Detail:   fmt.Sprintf("The default of %q is not a %s: %s.", v.Name, typeexpr.TypeString(v.Type), err),
			Subject:  a.Expr.Range().Ptr(),
		})
		return nil, diags
	}
	v.Value = val
	return v, diags
}

// parseGivenValue reads a command-line value. Strings (and variables
// without a type) take the text as it is; other types are written as HCL
// expressions, e.g. --var 'packages=["a","b"]'.
func parseGivenValue(raw string, t cty.Type) (cty.Value, error) {
	if t == cty.String || t == cty.DynamicPseudoType {
		return cty.StringVal(raw), nil
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), "<--var>", hcl.InitialPos)
	if diags.HasErrors() {
		return cty.NilVal, fmt.Errorf("not a valid %s expression (%s)", typeexpr.TypeString(t), diags[0].Summary)
	}
	val, diags := expr.Value(nil)
	if diags.HasErrors() {
		return cty.NilVal, fmt.Errorf("cannot be evaluated (%s)", diags[0].Summary)
	}
	val, err := convert.Convert(val, t)
	if err != nil {
		return cty.NilVal, fmt.Errorf("not a %s: %w", typeexpr.TypeString(t), err)
	}
	return val, nil
}
