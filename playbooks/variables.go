package playbooks

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/switchbackhq/switchback/internal/diag"
	"github.com/switchbackhq/switchback/internal/hcldepth"
)

// EnvPrefix starts the name of an environment variable that sets a
// playbook variable: SWITCHBACK_VAR_packages sets var.packages.
const EnvPrefix = "SWITCHBACK_VAR_"

// Values are the values given to a playbook's variables from outside the
// playbook. Later sources win: defaults, then Files in order, then the
// environment, then Flags.
type Values struct {
	// Files are var files: HCL files of name = value lines.
	Files []string
	// Getenv reads the environment (os.Getenv); nil reads nothing. Only
	// declared variables are looked up, and an empty value counts as unset.
	Getenv func(string) string
	// Flags are the --var name=value pairs, as ParseVarFlags returns them.
	Flags map[string]string
}

// sensitiveMark marks the values of sensitive variables and everything
// computed from them, so that the mark follows a value through locals and
// function calls.
const sensitiveMark = "sensitive"

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

// givenValue is a value from outside the playbook, not yet converted to
// the variable's type: raw text (flags, environment), to be read by the
// type, or an expression (var files).
type givenValue struct {
	raw    string
	expr   hcl.Expression
	source string    // how the user wrote it, for messages: "--var x", "SWITCHBACK_VAR_x", "var file"
	rng    hcl.Range // where; a made-up one-line range for flags and the environment
}

// commandLineRange gives a value that is not in any file a place of its
// own, "<--var name>" or "<SWITCHBACK_VAR_name>", so every diagnostic
// about it still says where it came from.
func commandLineRange(source, raw string) hcl.Range {
	return hcl.Range{
		Filename: "<" + source + ">",
		Start:    hcl.InitialPos,
		End:      hcl.Pos{Line: 1, Column: 1 + len(raw), Byte: len(raw)},
	}
}

// readVarFiles parses the var files; parser keeps their sources so that
// diagnostics show the lines they point at. Later files win.
func readVarFiles(parser *hclparse.Parser, files []string) (map[string]givenValue, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	given := map[string]givenValue{}
	for _, path := range files {
		if _, err := os.Stat(path); err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Var file not found",
				Detail:   fmt.Sprintf("The var file %q given with --var-file cannot be read: %v.", path, err),
				Subject:  &hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.InitialPos},
			})
			continue
		}
		f, moreDiags := hcldepth.ParseHCLFile(parser, path)
		diags = append(diags, moreDiags...)
		if moreDiags.HasErrors() {
			continue
		}
		// A var file holds assignments only: blocks would be silently
		// meaningless, so JustAttributes rejects them.
		attrs, moreDiags := f.Body.JustAttributes()
		for _, d := range moreDiags {
			if strings.HasPrefix(d.Summary, "Unexpected ") && strings.HasSuffix(d.Summary, " block") {
				d.Detail = "A var file holds only name = value lines, one per variable; declarations belong in the playbook."
			}
		}
		diags = append(diags, moreDiags...)
		for name, a := range attrs {
			given[name] = givenValue{expr: a.Expr, source: "var file " + path, rng: a.NameRange}
		}
	}
	return given, diags
}

func (l *Loader) decodeVariables(blocks []*hcl.Block, vals *Values, baseDir string) ([]*Variable, hcl.Diagnostics) {
	if vals == nil {
		vals = &Values{}
	}
	given, diags := readVarFiles(l.Parser, vals.Files)
	l.noteSensitiveSources(blocks, vals.Files)

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
		// Environment, then flags: each overrides what came before.
		if vals.Getenv != nil {
			if raw := vals.Getenv(EnvPrefix + name); raw != "" {
				given[name] = givenValue{raw: raw, source: EnvPrefix + name, rng: commandLineRange(EnvPrefix+name, raw)}
			}
		}
		if raw, ok := vals.Flags[name]; ok {
			given[name] = givenValue{raw: raw, source: "--var " + name, rng: commandLineRange("--var "+name, raw)}
		}
		v, moreDiags := decodeVariable(b, given, baseDir)
		diags = append(diags, moreDiags...)
		if v == nil {
			// Declared but broken: its uses are unknown rather than
			// undefined, so they do not add a misleading second error.
			v = &Variable{Name: name, Type: cty.DynamicPseudoType, Value: cty.DynamicVal, DeclRange: b.DefRange}
		}
		vars = append(vars, v)
	}

	// A value for a variable nobody declared is almost always a typo.
	// Unknown SWITCHBACK_VAR_ names are not looked for: the environment
	// is shared by every playbook a shell runs.
	for name, raw := range vals.Flags {
		if _, ok := declared[name]; !ok {
			given[name] = givenValue{raw: raw, source: "--var " + name, rng: commandLineRange("--var "+name, raw)}
		}
	}
	var unknown []string
	for name := range given {
		if _, ok := declared[name]; !ok {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	for _, name := range unknown {
		g := given[name]
		detail := fmt.Sprintf("--var %s=... sets a variable that the playbook does not declare. Declare it with a variable %q block, or fix the name.", name, name)
		if g.expr != nil {
			detail = fmt.Sprintf("The var file sets %q, which the playbook does not declare. Declare it with a variable %q block, or fix the name.", name, name)
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Value for undeclared variable",
			Detail:   detail,
			Subject:  g.rng.Ptr(),
		})
	}
	return vars, diags
}

func decodeVariable(b *hcl.Block, given map[string]givenValue, baseDir string) (*Variable, hcl.Diagnostics) {
	v := &Variable{Name: b.Labels[0], Type: cty.DynamicPseudoType, DeclRange: b.DefRange}
	content, diags := b.Body.Content(variableSchema)
	if diags.HasErrors() {
		return nil, diags
	}
	if a, ok := content.Attributes["description"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &v.Description)...)
	}
	if a, ok := content.Attributes["sensitive"]; ok {
		diags = append(diags, gohcl.DecodeExpression(a.Expr, nil, &v.Sensitive)...)
	}
	if a, ok := content.Attributes["type"]; ok {
		t, moreDiags := typeexpr.TypeConstraint(a.Expr)
		diags = append(diags, moreDiags...)
		if moreDiags.HasErrors() {
			return nil, diags
		}
		v.Type = t
	}
	rules, moreDiags := decodeValidations(v.Name, content.Blocks)
	diags = append(diags, moreDiags...)
	if diags.HasErrors() {
		return nil, diags
	}

	val, src, moreDiags := variableValue(v, content, given)
	diags = append(diags, moreDiags...)
	if moreDiags.HasErrors() {
		return nil, diags
	}
	v.Value = val
	moreDiags = checkValidations(v, rules, src, baseDir)
	diags = append(diags, moreDiags...)
	if moreDiags.HasErrors() {
		return nil, diags
	}
	return v, diags
}

// variableValue picks the value of highest precedence and converts it to
// the declared type. The range returned is where that value was written.
func variableValue(v *Variable, content *hcl.BodyContent, given map[string]givenValue) (cty.Value, hcl.Range, hcl.Diagnostics) {
	if g, ok := given[v.Name]; ok {
		if g.expr != nil {
			val, diags := g.expr.Value(nil)
			if diags.HasErrors() {
				return cty.NilVal, g.rng, diags
			}
			val, err := convert.Convert(val, v.Type)
			if err != nil {
				return cty.NilVal, g.rng, hcl.Diagnostics{{
					Severity: hcl.DiagError,
					Summary:  "Invalid value for variable",
					Detail:   fmt.Sprintf("The value of %q is not a %s: %s.", v.Name, typeexpr.TypeString(v.Type), err),
					Subject:  g.expr.Range().Ptr(),
				}}
			}
			return val, g.expr.Range(), nil
		}
		val, err := parseGivenValue(g.raw, v.Type)
		if err != nil {
			shown := g.raw
			if v.Sensitive {
				shown = "(sensitive)"
			}
			return cty.NilVal, g.rng, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid value for variable",
				Detail:   fmt.Sprintf("%s=%s: %s.", g.source, shown, err),
				Subject:  g.rng.Ptr(),
			}}
		}
		return val, g.rng, nil
	}

	a, ok := content.Attributes["default"]
	if !ok {
		return cty.NilVal, v.DeclRange, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "No value for required variable",
			Detail: fmt.Sprintf("Variable %q has no default. Give it one, or pass --var %s=VALUE, a var file line, or %s%s in the environment.",
				v.Name, v.Name, EnvPrefix, v.Name),
			Subject: v.DeclRange.Ptr(),
		}}
	}
	val, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		return cty.NilVal, a.Expr.Range(), diags
	}
	val, err := convert.Convert(val, v.Type)
	if err != nil {
		return cty.NilVal, a.Expr.Range(), append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Default does not match the variable's type",
			Detail:   fmt.Sprintf("The default of %q is not a %s: %s.", v.Name, typeexpr.TypeString(v.Type), err),
			Subject:  a.Expr.Range().Ptr(),
		})
	}
	return val, a.Expr.Range(), diags
}

// parseGivenValue reads a command-line value. Strings (and variables
// without a type) take the text as it is; other types are written as HCL
// expressions, e.g. --var 'packages=["a","b"]'.
func parseGivenValue(raw string, t cty.Type) (cty.Value, error) {
	if t == cty.String || t == cty.DynamicPseudoType {
		return cty.StringVal(raw), nil
	}
	hint := fmt.Errorf(`not a %s; write the value as in HCL: 3, true, ["a", "b"], { key = "value" }`, typeexpr.TypeString(t))
	if d := hcldepth.CheckExpression([]byte(raw), "<value>"); d != nil {
		return cty.NilVal, fmt.Errorf("nested more than %d deep; switchback reads no deeper", hcldepth.Limit)
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), "<value>", hcl.InitialPos)
	if diags.HasErrors() {
		return cty.NilVal, hint
	}
	val, diags := expr.Value(nil)
	if diags.HasErrors() {
		return cty.NilVal, hint
	}
	val, err := convert.Convert(val, t)
	if err != nil {
		return cty.NilVal, fmt.Errorf("not a %s: %w", typeexpr.TypeString(t), err)
	}
	return val, nil
}

// markedValue is the variable's value as expressions see it while the
// playbook's own values are computed: sensitive ones carry the mark.
func (v *Variable) markedValue() cty.Value {
	if v.Sensitive && v.Value.IsKnown() {
		return v.Value.Mark(sensitiveMark)
	}
	return v.Value
}
