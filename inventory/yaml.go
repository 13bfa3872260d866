package inventory

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"
)

// The YAML format, as Ansible's yaml inventory plugin documents it: the
// top-level keys are groups (all, usually); a group has hosts (host
// patterns with their variables), vars, and children (groups, nested the
// same way). JSON files are read the same way.

// yamlConv turns YAML nodes into values and ranges of one file.
type yamlConv struct {
	f      *textFile
	budget int // nodes left to convert, so that nested aliases cannot explode
	diags  hcl.Diagnostics

	active    map[*yaml.Node]bool // the containers being read, against aliases into themselves
	recursive bool                // whether that was reported
}

const (
	yamlNodeBudget = 1 << 20
	yamlMaxDepth   = 10000
)

func newYAMLConv(f *textFile) *yamlConv {
	return &yamlConv{f: f, budget: yamlNodeBudget, active: map[*yaml.Node]bool{}}
}

// enter marks a container as being read. It refuses one that an alias
// reaches from inside itself, which would never end.
func (c *yamlConv) enter(n *yaml.Node) bool {
	if !c.active[n] && len(c.active) < yamlMaxDepth {
		c.active[n] = true
		return true
	}
	if !c.recursive {
		c.recursive = true
		c.diags = append(c.diags, errorAt(c.rng(n), "Recursive YAML",
			"This mapping or list holds an alias to itself, so its value would never end."))
	}
	return false
}

func (c *yamlConv) leave(n *yaml.Node) { delete(c.active, n) }

var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse reads the file's single document; ok is false when it is empty
// or does not parse, with a diagnostic for the latter.
func (c *yamlConv) parse() (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(c.f.src, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlErrLine.FindStringSubmatch(err.Error()); m != nil {
			msg = m[2]
		}
		start := c.f.offset(c.errorLine(), 1)
		lineEnd := c.f.lineEnd(start)
		for start < lineEnd && (c.f.src[start] == ' ' || c.f.src[start] == '\t') {
			start++
		}
		c.diags = append(c.diags, errorAt(c.f.rng(start, lineEnd), "Invalid YAML", "The file does not parse as YAML: "+msg+"."))
		return nil, false
	}
	if len(doc.Content) == 0 {
		return nil, false
	}
	return deref(doc.Content[0]), true
}

// errorLine finds the first line at which the file stops parsing: the
// line numbers of YAML errors name where the enclosing block starts, not
// where the mistake is.
func (c *yamlConv) errorLine() int {
	fails := func(line int) bool {
		end := len(c.f.src)
		if line < len(c.f.lines) {
			end = c.f.lines[line]
		}
		var n yaml.Node
		return yaml.Unmarshal(c.f.src[:end], &n) != nil
	}
	lo, hi := 1, len(c.f.lines)
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// rng covers a node's first line, or a scalar's text.
func (c *yamlConv) rng(n *yaml.Node) hcl.Range {
	start := c.f.offset(n.Line, n.Column)
	end := c.f.lineEnd(start)
	if n.Kind == yaml.ScalarNode && !strings.Contains(n.Value, "\n") {
		width := len(n.Value)
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			width += 2
		}
		end = min(end, start+width)
	}
	return c.f.rng(start, end)
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		return "the scalar " + strconv.Quote(n.Value)
	}
	return "nothing"
}

// parseYAMLInventory adds a YAML inventory to m.
func parseYAMLInventory(m *model, f *textFile) hcl.Diagnostics {
	c := newYAMLConv(f)
	root, ok := c.parse()
	if !ok {
		if !c.diags.HasErrors() {
			c.diags = append(c.diags, errorAt(f.rng(0, f.lineEnd(0)), "Empty inventory",
				"The YAML inventory holds no groups; start it with all: and its hosts, vars and children."))
		}
		return c.diags
	}
	if root.Kind != yaml.MappingNode {
		return append(c.diags, errorAt(c.rng(root), "Invalid YAML inventory",
			fmt.Sprintf("A YAML inventory is a mapping of groups (all: {hosts: ..., vars: ..., children: ...}), not %s.", nodeKind(root))))
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if k.Value == "plugin" {
			return append(c.diags, errorAt(c.rng(k), "Inventory plugin configuration",
				"This file configures an Ansible inventory plugin, which switchback cannot run; list the hosts in an INI, YAML or HCL inventory."))
		}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		c.group(m, root.Content[i], root.Content[i+1])
	}
	return c.diags
}

// group reads one group definition; it returns nil when the definition is
// skipped.
func (c *yamlConv) group(m *model, key, n *yaml.Node) *groupDef {
	name, ok := c.key(key)
	if !ok {
		return nil
	}
	n = deref(n)
	if !isNull(n) && n.Kind != yaml.MappingNode {
		c.diags = append(c.diags, warningAt(c.rng(key), "Group skipped",
			fmt.Sprintf("%q is not a valid group definition: a group is a mapping with hosts, vars and children, not %s. Ansible skips it too.", name, nodeKind(n))))
		return nil
	}
	g := m.group(name, c.rng(key))
	if isNull(n) || !c.enter(n) {
		return g
	}
	defer c.leave(n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		sk, sv := n.Content[i], deref(n.Content[i+1])
		section, ok := c.key(sk)
		if !ok {
			continue
		}
		if section != "hosts" && section != "vars" && section != "children" {
			c.diags = append(c.diags, warningAt(c.rng(sk), "Unexpected key skipped",
				fmt.Sprintf("Group %q has the key %q; only hosts, vars and children are valid, so it is skipped (as Ansible does).", name, section)))
			continue
		}
		entries, ok := c.sectionEntries(name, section, sv)
		if !ok {
			continue
		}
		switch section {
		case "vars":
			c.groupVars(g, entries)
		case "children":
			for _, e := range entries {
				if child := c.group(m, e[0], e[1]); child != nil {
					g.children = append(g.children, ref{name: child.name, rng: c.rng(e[0])})
				}
			}
		case "hosts":
			for _, e := range entries {
				c.host(m, g, e[0], e[1])
			}
		}
	}
	return g
}

// sectionEntries returns the key/value pairs of hosts, vars or children.
// A string stands for a mapping with that one key, as Ansible reads it.
func (c *yamlConv) sectionEntries(group, section string, n *yaml.Node) ([][2]*yaml.Node, bool) {
	switch {
	case isNull(n):
		return nil, false
	case n.Kind == yaml.ScalarNode:
		return [][2]*yaml.Node{{n, nil}}, true
	case n.Kind != yaml.MappingNode:
		c.diags = append(c.diags, errorAt(c.rng(n), "Invalid "+section,
			fmt.Sprintf("The %s of group %q must be a mapping (name: value, one per line), not %s.", section, group, nodeKind(n))))
		return nil, false
	}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, [2]*yaml.Node{n.Content[i], n.Content[i+1]})
	}
	return out, true
}

func (c *yamlConv) groupVars(g *groupDef, pairs [][2]*yaml.Node) {
	var entries []varEntry
	for _, p := range pairs {
		k, ok := c.key(p[0])
		if !ok {
			continue
		}
		v := c.value(p[1])
		if k == "ansible_group_priority" {
			if v.IsNull() || v.Type() != cty.Number || !v.AsBigFloat().IsInt() {
				c.diags = append(c.diags, errorAt(c.rng(deref(p[1])), "Invalid ansible_group_priority",
					"ansible_group_priority orders groups of the same depth and must be a whole number."))
				continue
			}
			n, _ := v.AsBigFloat().Int64()
			g.priority = int(n)
			continue
		}
		entries = append(entries, varEntry{k, v, c.valueRange(p)})
	}
	l, diags := ansibleLevel(entries)
	c.diags = append(c.diags, diags...)
	g.inv = append(g.inv, l)
}

// valueRange points at a value, or at its key when there is none.
func (c *yamlConv) valueRange(p [2]*yaml.Node) hcl.Range {
	if v := deref(p[1]); v != nil && v.Line > 0 {
		return c.rng(v)
	}
	return c.rng(p[0])
}

func (c *yamlConv) host(m *model, g *groupDef, key, n *yaml.Node) {
	pattern, ok := c.key(key)
	if !ok {
		return
	}
	start := c.f.offset(key.Line, key.Column)
	if key.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		start++
	}
	at := func(s, e int) hcl.Range { return c.f.rng(start+s, start+e) }
	names, port, d := parseHostPattern(pattern, at)
	if d != nil {
		c.diags = append(c.diags, d)
		return
	}
	var entries []varEntry
	n = deref(n)
	switch {
	case isNull(n):
	case n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, ok := c.key(n.Content[i])
			if ok {
				p := [2]*yaml.Node{n.Content[i], n.Content[i+1]}
				entries = append(entries, varEntry{k, c.value(p[1]), c.valueRange(p)})
			}
		}
	default:
		c.diags = append(c.diags, errorAt(c.rng(n), "Invalid host variables",
			fmt.Sprintf("The variables of host %q must be a mapping (name: value), or nothing, not %s.", pattern, nodeKind(n))))
		return
	}
	if port != nil {
		// As in Ansible, host:port wins over the host's ansible_port.
		entries = append(entries, varEntry{"ansible_port", cty.NumberIntVal(int64(*port)), c.rng(key)})
	}
	l, diags := ansibleLevel(entries)
	c.diags = append(c.diags, diags...)
	for _, name := range names {
		h := m.host(name, c.rng(key))
		h.inv = append(h.inv, l)
		g.members = append(g.members, ref{name: name, rng: c.rng(key)})
	}
}

// key reads a mapping key, which must be a scalar.
func (c *yamlConv) key(n *yaml.Node) (string, bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		if n != nil {
			c.diags = append(c.diags, errorAt(c.rng(n), "Invalid key", "A name here must be a plain string, not "+nodeKind(n)+"."))
		}
		return "", false
	}
	return n.Value, true
}

// yaml11Bools are the plain words YAML 1.1 (PyYAML, thus Ansible) reads
// as booleans; YAML 1.2 reads them as strings.
var yaml11Bools = map[string]bool{
	"yes": true, "Yes": true, "YES": true, "on": true, "On": true, "ON": true,
	"no": false, "No": false, "NO": false, "off": false, "Off": false, "OFF": false,
}

// value converts a node to a cty value: mappings become objects and
// sequences tuples, as HCL's own literals do.
func (c *yamlConv) value(n *yaml.Node) cty.Value {
	if n == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	c.budget--
	if c.budget == 0 {
		c.diags = append(c.diags, errorAt(c.rng(n), "YAML too large",
			"The variables expand to more than a million values (through aliases?)."))
	}
	if c.budget <= 0 {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	if n.Kind == yaml.SequenceNode || n.Kind == yaml.MappingNode {
		if !c.enter(n) {
			return cty.NullVal(cty.DynamicPseudoType)
		}
		defer c.leave(n)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return c.value(n.Content[0])
		}
	case yaml.AliasNode:
		if n.Alias != nil {
			return c.value(n.Alias)
		}
	case yaml.ScalarNode:
		return scalarValue(n)
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			return cty.EmptyTupleVal
		}
		elems := make([]cty.Value, len(n.Content))
		for i, e := range n.Content {
			elems[i] = c.value(e)
		}
		return cty.TupleVal(elems)
	case yaml.MappingNode:
		attrs := map[string]cty.Value{}
		var explicit [][2]*yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := deref(n.Content[i]), n.Content[i+1]
			if k != nil && k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
				c.merge(attrs, deref(v))
				continue
			}
			explicit = append(explicit, [2]*yaml.Node{k, v})
		}
		for _, p := range explicit {
			if p[0] == nil || p[0].Kind != yaml.ScalarNode {
				continue
			}
			attrs[p[0].Value] = c.value(p[1])
		}
		if len(attrs) == 0 {
			return cty.EmptyObjectVal
		}
		return cty.ObjectVal(attrs)
	}
	return cty.NullVal(cty.DynamicPseudoType)
}

// merge applies a << merge key: its mappings give defaults that the
// mapping's own keys override.
func (c *yamlConv) merge(attrs map[string]cty.Value, v *yaml.Node) {
	var sources []*yaml.Node
	switch {
	case v == nil:
	case v.Kind == yaml.MappingNode:
		sources = append(sources, v)
	case v.Kind == yaml.SequenceNode:
		// Earlier mappings of the list win.
		for i := len(v.Content) - 1; i >= 0; i-- {
			sources = append(sources, deref(v.Content[i]))
		}
	}
	for _, s := range sources {
		if s == nil || s.Kind != yaml.MappingNode {
			continue
		}
		if obj := c.value(s); obj.Type().IsObjectType() {
			for k, val := range obj.AsValueMap() {
				attrs[k] = val
			}
		}
	}
}

func scalarValue(n *yaml.Node) cty.Value {
	switch n.ShortTag() {
	case "!!null":
		return cty.NullVal(cty.DynamicPseudoType)
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return cty.BoolVal(b)
		}
	case "!!int":
		var x any
		if n.Decode(&x) == nil {
			switch x := x.(type) {
			case int:
				return cty.NumberIntVal(int64(x))
			case int64:
				return cty.NumberIntVal(x)
			case uint64:
				return cty.NumberUIntVal(x)
			case float64:
				if !math.IsInf(x, 0) && !math.IsNaN(x) {
					return cty.NumberFloatVal(x)
				}
			}
		}
		if i, ok := new(big.Int).SetString(strings.ReplaceAll(n.Value, "_", ""), 0); ok {
			return cty.NumberVal(new(big.Float).SetInt(i))
		}
	case "!!float":
		var f float64
		if n.Decode(&f) == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return cty.NumberFloatVal(f)
		}
	case "!!str":
		if b, ok := yaml11Bools[n.Value]; ok && n.Style == 0 {
			return cty.BoolVal(b)
		}
	}
	return cty.StringVal(n.Value)
}

// parseVarsFile reads a group_vars/ or host_vars/ file: a mapping of
// variable names to values.
func parseVarsFile(f *textFile) (level, hcl.Diagnostics) {
	if bytes.HasPrefix(f.src, []byte("$ANSIBLE_VAULT;")) {
		return level{}, hcl.Diagnostics{errorAt(f.rng(0, f.lineEnd(0)), "Encrypted variables file",
			"This file is encrypted with Ansible Vault, which switchback cannot decrypt; keep its secrets elsewhere or decrypt it.")}
	}
	c := newYAMLConv(f)
	root, ok := c.parse()
	if !ok {
		return level{vars: map[string]cty.Value{}}, c.diags
	}
	if root.Kind != yaml.MappingNode {
		if isNull(root) {
			return level{vars: map[string]cty.Value{}}, c.diags
		}
		return level{}, append(c.diags, errorAt(c.rng(root), "Invalid variables file",
			fmt.Sprintf("A variables file is a mapping of variable names to values (name: value), not %s.", nodeKind(root))))
	}
	var entries []varEntry
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, ok := c.key(root.Content[i])
		if !ok {
			continue
		}
		p := [2]*yaml.Node{root.Content[i], root.Content[i+1]}
		entries = append(entries, varEntry{k, c.value(p[1]), c.valueRange(p)})
	}
	l, diags := ansibleLevel(entries)
	return l, append(c.diags, diags...)
}
