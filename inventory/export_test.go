package inventory

import (
	"bytes"
	"encoding/json"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Hooks for the external tests that compare single values with Ansible.

// PyValue reads an INI value as the inventory does.
func PyValue(s string) (cty.Value, error) { return pyValueErr(s) }

// VarsJSON reads a variables file and prints it as ansible-inventory
// prints variables.
func VarsJSON(name string, src []byte) (string, hcl.Diagnostics) {
	l, diags := parseVarsFile(newTextFile(name, src), &loadCtx{})
	if diags.HasErrors() {
		return "", diags
	}
	return valueJSON(jsonVars(l.vars)), diags
}

// ValueJSON prints a value as ansible-inventory prints it.
func ValueJSON(v cty.Value) string { return valueJSON(jsonValue(v)) }

func valueJSON(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "error: " + err.Error()
	}
	return buf.String()
}
