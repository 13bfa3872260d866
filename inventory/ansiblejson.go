package inventory

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strconv"

	"github.com/zclconf/go-cty/cty"
)

// WriteAnsibleJSON writes the inventory in the shape ansible-inventory
// --list prints, so that the two can be compared with diff: every group
// reachable from all with its hosts (those it lists itself) and children,
// and _meta.hostvars with each host's merged variables. With export, as
// --export, groups carry their own variables (with ansible_group_priority
// when it is not 1) and hosts only theirs. A value decrypted from a
// !vault scalar is shown as Ansible shows it: {"__ansible_vault": TEXT}.
//
// Numbers have one type here, so 1.0 prints as 1.
func (inv *Inventory) WriteAnsibleJSON(w io.Writer, export bool) error {
	out := map[string]any{}
	seen := map[string]bool{}
	var format func(g *Group)
	format = func(g *Group) {
		entry := map[string]any{}
		if g.Name != "all" && len(g.Members) > 0 {
			entry["hosts"] = g.Members
		}
		if len(g.Children) > 0 {
			entry["children"] = g.Children
		}
		for _, c := range g.Children {
			if !seen[c] {
				seen[c] = true
				format(inv.Group(c))
			}
		}
		if export {
			vars := jsonVars(g.raw)
			if g.Priority != 1 {
				vars["ansible_group_priority"] = g.Priority
			}
			if len(vars) > 0 {
				entry["vars"] = vars
			}
		}
		if len(entry) > 0 {
			out[g.Name] = entry
		}
	}
	all := inv.Group("all")
	format(all)
	hostvars := map[string]any{}
	for _, name := range all.Hosts {
		h := inv.Host(name)
		vars := h.raw
		if export {
			vars = h.own
		}
		if len(vars) > 0 {
			hostvars[name] = jsonVars(vars)
		}
	}
	out["_meta"] = map[string]any{"hostvars": hostvars}

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "    ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing the inventory as JSON: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func jsonVars(vars map[string]cty.Value) map[string]any {
	out := make(map[string]any, len(vars))
	for k, v := range vars {
		out[k] = jsonValue(v)
	}
	return out
}

// jsonValue turns a value into what encoding/json writes as Ansible
// would: numbers exact, vault values as their ciphertext.
func jsonValue(v cty.Value) any {
	if v.IsMarked() {
		plain, marks := v.Unmark()
		for m := range marks {
			if vm, ok := m.(vaultMark); ok {
				return map[string]any{"__ansible_vault": vm.ciphertext}
			}
			if _, ok := m.(unsafeMark); ok && plain.Type() == cty.String {
				return map[string]any{"__ansible_unsafe": plain.AsString()}
			}
		}
		v = plain
	}
	switch {
	case v.IsNull() || !v.IsKnown():
		return nil
	case v.Type() == cty.String:
		return v.AsString()
	case v.Type() == cty.Bool:
		return v.True()
	case v.Type() == cty.Number:
		return json.RawMessage(jsonNumber(v.AsBigFloat()))
	case v.Type().IsObjectType() || v.Type().IsMapType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			out[k.AsString()] = jsonValue(e)
		}
		return out
	case v.CanIterateElements():
		out := []any{}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			out = append(out, jsonValue(e))
		}
		return out
	}
	return v.GoString()
}

// jsonNumber writes a number as Python's json does: integers in full,
// floats as repr. cty has one number type, but a value read as a float
// keeps float64's 53-bit precision, which tells it from an integer (so
// 1.0 prints as 1.0 and 6.02e23 as 6.02e+23).
func jsonNumber(bf *big.Float) string {
	if bf.IsInt() && bf.Prec() != 53 {
		i, _ := bf.Int(nil)
		return i.String()
	}
	f, _ := bf.Float64()
	s := pyFloatRepr(f)
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return "null"
	}
	return s
}
