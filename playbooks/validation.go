package playbooks

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// validation is one validation block of a variable: a condition over the
// variable's value and the message shown when it is false.
type validation struct {
	condition hcl.Expression
	message   hcl.Expression
	declRange hcl.Range
}

var validationSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "condition", Required: true},
		{Name: "error_message", Required: true},
	},
}

// decodeValidations reads the validation blocks of variable name. A
// condition may refer to that variable only: a rule about several
// variables cannot say which of them is wrong.
func decodeValidations(name string, blocks hcl.Blocks) ([]validation, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	var rules []validation
	for _, b := range blocks {
		content, moreDiags := b.Body.Content(validationSchema)
		diags = append(diags, moreDiags...)
		if moreDiags.HasErrors() {
			continue
		}
		cond := content.Attributes["condition"].Expr
		self, others := false, false
		for _, tr := range cond.Variables() {
			if tr.RootName() == "var" && len(tr) > 1 {
				if attr, ok := tr[1].(hcl.TraverseAttr); ok && attr.Name == name {
					self = true
					continue
				}
			}
			others = true
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid reference in validation",
				Detail:   fmt.Sprintf("The condition of a validation of %q can refer only to var.%s.", name, name),
				Subject:  tr.SourceRange().Ptr(),
			})
		}
		if !self && !others {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Validation does not check the variable",
				Detail:   fmt.Sprintf("The condition must refer to var.%s, the value it checks.", name),
				Subject:  cond.Range().Ptr(),
			})
		}
		rules = append(rules, validation{condition: cond, message: content.Attributes["error_message"].Expr, declRange: b.DefRange})
	}
	return rules, diags
}

// checkValidations runs every rule against the variable's value; a
// failing one is reported at src, where the value was written (the
// default, a var file line or a command-line value), since that is what
// needs changing.
func checkValidations(v *Variable, rules []validation, src hcl.Range, baseDir string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	ctx := &hcl.EvalContext{
		Variables: map[string]cty.Value{"var": cty.ObjectVal(map[string]cty.Value{v.Name: v.markedValue()})},
		Functions: Functions(baseDir),
	}
	for _, r := range rules {
		result, moreDiags := r.condition.Value(ctx)
		diags = append(diags, moreDiags...)
		if moreDiags.HasErrors() {
			continue
		}
		result, _ = result.Unmark()
		result, err := convert.Convert(result, cty.Bool)
		if err != nil || result.IsNull() || !result.IsKnown() {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid validation condition",
				Detail:   "The condition must be true or false.",
				Subject:  r.condition.Range().Ptr(),
			})
			continue
		}
		if result.True() {
			continue
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid value for variable",
			Detail: fmt.Sprintf("%s\n\nThe value of var.%s fails the validation rule on line %d of %s.",
				validationMessage(r.message, ctx), v.Name, r.declRange.Start.Line, r.declRange.Filename),
			Subject: src.Ptr(),
		})
	}
	return diags
}

// validationMessage evaluates error_message; one that would show a
// sensitive value is withheld.
func validationMessage(expr hcl.Expression, ctx *hcl.EvalContext) string {
	val, diags := expr.Value(ctx)
	if diags.HasErrors() {
		return fmt.Sprintf("(the error_message at %s cannot be evaluated: %s)", expr.Range(), diags[0].Summary)
	}
	if val.ContainsMarked() {
		return "(the error message refers to a sensitive value and is not shown)"
	}
	val, err := convert.Convert(val, cty.String)
	if err != nil || val.IsNull() || !val.IsKnown() {
		return fmt.Sprintf("(the error_message at %s is not a string)", expr.Range())
	}
	return val.AsString()
}
