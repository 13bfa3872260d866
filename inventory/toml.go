package inventory

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// The TOML format, as Ansible's toml inventory plugin reads it: the
// top-level tables are groups; a group has vars (a table), children (a
// list of group names) and hosts (a table of host patterns, each with a
// table of variables). Keys come in the order the file defines them, as
// Python's TOML reader keeps them.

// tomlDoc is a decoded TOML file with its key order.
type tomlDoc struct {
	f     *textFile
	order map[string][]string // a table's path to its keys, in order
}

func parseTOMLInventory(m *model, f *textFile, ctx *loadCtx) hcl.Diagnostics {
	var data map[string]any
	md, err := toml.Decode(string(f.src), &data)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			start := f.offset(pe.Position.Line, pe.Position.Col)
			return hcl.Diagnostics{errorAt(f.rng(start, f.lineEnd(start)), "Invalid TOML",
				"The file does not parse as TOML: "+strings.TrimSuffix(pe.Message, ".")+".")}
		}
		return hcl.Diagnostics{errorAt(f.rng(0, f.lineEnd(0)), "Invalid TOML", "The file does not parse as TOML: "+err.Error()+".")}
	}
	d := &tomlDoc{f: f, order: map[string][]string{}}
	// Keys come in order; a table made implicitly ([all.vars] makes all)
	// is not among them, so every prefix is added where first met.
	seen := map[string]bool{}
	for _, k := range md.Keys() {
		for i := 1; i <= len(k); i++ {
			path := strings.Join(k[:i], "\x00")
			if !seen[path] {
				seen[path] = true
				parent := strings.Join(k[:i-1], "\x00")
				d.order[parent] = append(d.order[parent], k[i-1])
			}
		}
	}
	if len(data) == 0 {
		return hcl.Diagnostics{errorAt(f.rng(0, f.lineEnd(0)), "Empty inventory",
			"The TOML inventory holds no groups; start it with [all.vars], [GROUP.hosts] and the like.")}
	}
	if p, ok := data["plugin"]; ok && tomlTruthy(p) {
		return hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Inventory plugin skipped",
			Detail:  fmt.Sprintf("This file configures the Ansible inventory plugin %v, which switchback cannot run: the hosts and groups it would add are missing.", p),
			Subject: d.at(nil, "plugin").Ptr()}}
	}
	var diags hcl.Diagnostics
	for _, name := range d.keys(nil) {
		diags = append(diags, d.group(m, name, data[name], ctx)...)
	}
	return diags
}

// keys lists a table's keys in the order the file defines them.
func (d *tomlDoc) keys(path []string) []string {
	return d.order[strings.Join(path, "\x00")]
}

// at points at where the file defines a key: its [table] header, or its
// key = line, else the start of the file. TOML's reader gives no
// positions, so the text is searched.
func (d *tomlDoc) at(path []string, key string) hcl.Range {
	full := append(append([]string{}, path...), key)
	quoted := func(k string) string { return `(?:"?` + regexp.QuoteMeta(k) + `"?|'` + regexp.QuoteMeta(k) + `')` }
	var parts []string
	for _, k := range full {
		parts = append(parts, quoted(k))
	}
	for _, re := range []string{
		`(?m)^[ \t]*\[\[?[ \t]*` + strings.Join(parts, `[ \t]*\.[ \t]*`) + `[ \t]*\]`,
		`(?m)^[ \t]*` + quoted(key) + `[ \t]*=`,
	} {
		if loc := regexp.MustCompile(re).FindIndex(d.f.src); loc != nil {
			start := loc[0]
			for start < len(d.f.src) && (d.f.src[start] == ' ' || d.f.src[start] == '\t') {
				start++
			}
			return d.f.rng(start, d.f.lineEnd(start))
		}
	}
	return d.f.rng(0, d.f.lineEnd(0))
}

func (d *tomlDoc) group(m *model, name string, data any, ctx *loadCtx) hcl.Diagnostics {
	at := d.at(nil, name)
	table, ok := data.(map[string]any)
	if data != nil && !ok {
		return hcl.Diagnostics{warningAt(at, "Group skipped",
			fmt.Sprintf("%q is not a valid group definition: a group is a table with hosts, vars and children, not %s. Ansible skips it too.", name, tomlKind(data)))}
	}
	g := m.group(name, at)
	var diags hcl.Diagnostics
	path := []string{name}
	for _, key := range d.keys(path) {
		value := table[key]
		switch key {
		case "vars":
			vars, ok := value.(map[string]any)
			if !ok {
				return append(diags, errorAt(d.at(path, key), "Invalid vars",
					fmt.Sprintf("The vars of group %q must be a table, not %s.", name, tomlKind(value))))
			}
			for _, k := range d.keys(append(path, key)) {
				v := tomlValue(vars[k])
				r := d.at(append(path, key), k)
				if k == "ansible_group_priority" {
					n, diag := groupPriority(v, r)
					if diag != nil {
						return append(diags, diag)
					}
					g.priority = n
					continue
				}
				g.inv = append(g.inv, varsLevel([]varEntry{{k, v, r}}))
			}
		case "children":
			list, ok := value.([]any)
			if !ok {
				return append(diags, errorAt(d.at(path, key), "Invalid children",
					fmt.Sprintf("The children of group %q must be a list of group names, not %s.", name, tomlKind(value))))
			}
			for _, c := range list {
				child, ok := c.(string)
				if !ok || child == "" {
					return append(diags, errorAt(d.at(path, key), "Invalid children",
						fmt.Sprintf("Group %q lists %v as a child; children are group names.", name, c)))
				}
				m.group(child, d.at(path, key))
				if err := m.addChild(g, child); err != nil {
					return append(diags, errorAt(d.at(path, key), "Group cycle", capitalize(err)))
				}
			}
		case "hosts":
			hosts, ok := value.(map[string]any)
			if !ok {
				return append(diags, errorAt(d.at(path, key), "Invalid hosts",
					fmt.Sprintf("The hosts of group %q must be a table, not %s.", name, tomlKind(value))))
			}
			hostsPath := append(path, key)
			for _, pattern := range d.keys(hostsPath) {
				r := d.at(hostsPath, pattern)
				names, port, err := expandHostPattern(pattern)
				if err != nil {
					return append(diags, errorAt(r, "Invalid host range", fmt.Sprintf("In %q, %v.", pattern, err)))
				}
				vars, ok := hosts[pattern].(map[string]any)
				if !ok {
					return append(diags, errorAt(r, "Invalid host variables",
						fmt.Sprintf("The variables of host %q must be a table ({} for none), not %s.", pattern, tomlKind(hosts[pattern]))))
				}
				var entries []varEntry
				for _, k := range d.keys(append(hostsPath, pattern)) {
					entries = append(entries, varEntry{k, tomlValue(vars[k]), r})
				}
				diags = append(diags, addHosts(m, g, names, port, r, entries)...)
			}
		default:
			diags = append(diags, warningAt(d.at(path, key), "Unexpected key skipped",
				fmt.Sprintf("Group %q has the key %q; only hosts, vars and children are valid, so it is skipped (as Ansible does).", name, key)))
		}
	}
	return diags
}

func tomlKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "a list"
	case string:
		return "a string"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("the value %v", v)
}

func tomlTruthy(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return v != ""
	case int64:
		return v != 0
	case float64:
		return v != 0
	}
	return v != nil
}

// tomlValue converts a decoded TOML value. Dates and times become the
// strings ansible-inventory prints for them (Python's isoformat).
func tomlValue(v any) cty.Value {
	switch v := v.(type) {
	case string:
		return cty.StringVal(v)
	case bool:
		return cty.BoolVal(v)
	case int64:
		return cty.NumberIntVal(v)
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return cty.StringVal(strconv.FormatFloat(v, 'g', -1, 64))
		}
		return cty.NumberFloatVal(v)
	case time.Time:
		return cty.StringVal(isoformat(v))
	case []map[string]any:
		var elems []cty.Value
		for _, e := range v {
			elems = append(elems, tomlValue(e))
		}
		return tupleOf(elems)
	case []any:
		var elems []cty.Value
		for _, e := range v {
			elems = append(elems, tomlValue(e))
		}
		return tupleOf(elems)
	case map[string]any:
		if len(v) == 0 {
			return cty.EmptyObjectVal
		}
		attrs := map[string]cty.Value{}
		for k, e := range v {
			attrs[k] = tomlValue(e)
		}
		return cty.ObjectVal(attrs)
	}
	return cty.NullVal(cty.DynamicPseudoType)
}

func tupleOf(elems []cty.Value) cty.Value {
	if len(elems) == 0 {
		return cty.EmptyTupleVal
	}
	return cty.TupleVal(elems)
}

// isoformat writes a TOML date or time as Python's isoformat does.
func isoformat(t time.Time) string {
	frac := ""
	if us := t.Nanosecond() / 1000; us != 0 {
		frac = fmt.Sprintf(".%06d", us)
	}
	switch t.Location().String() {
	case "date-local":
		return t.Format("2006-01-02")
	case "time-local":
		return t.Format("15:04:05") + frac
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05") + frac
	}
	return t.Format("2006-01-02T15:04:05") + frac + t.Format("-07:00")
}
