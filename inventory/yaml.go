package inventory

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"
)

// The YAML format, as Ansible's yaml inventory plugin reads it: the
// top-level keys are groups (all, usually); a group has hosts (host
// patterns with their variables), vars, and children (groups, nested the
// same way). JSON files are read the same way.

// yamlConv turns YAML nodes into values and ranges of one file.
type yamlConv struct {
	f      *textFile
	budget int // nodes left to convert, so that nested aliases cannot explode
	diags  hcl.Diagnostics
	// json says the file is JSON, whose plain scalars follow JSON's rules.
	json bool
	ctx  *loadCtx
	// varName is the variable being read, for messages about its value.
	varName string

	active    map[*yaml.Node]bool // the containers being read, against aliases into themselves
	recursive bool                // whether that was reported
}

const (
	yamlNodeBudget = 1 << 20
	yamlMaxDepth   = 10000
)

func newYAMLConv(f *textFile, ctx *loadCtx) *yamlConv {
	if ctx == nil {
		ctx = &loadCtx{}
	}
	return &yamlConv{f: f, budget: yamlNodeBudget, active: map[*yaml.Node]bool{}, ctx: ctx, json: json.Valid(f.src)}
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
	if n == nil {
		return true
	}
	if n.Kind != yaml.ScalarNode {
		return false
	}
	if n.Style&yaml.TaggedStyle != 0 {
		return n.Tag == "!!null"
	}
	return n.Style == 0 && yaml11Null.MatchString(n.Value)
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

// parseYAMLInventory adds a YAML inventory to m, as Ansible's yaml
// plugin reads it: the top-level keys are groups; a group's hosts, vars
// and children are mappings (a string stands for a mapping with that one
// key); a child is a group read the same way; a key whose value is not a
// mapping is skipped with a warning, as is a group that is not one.
func parseYAMLInventory(m *model, f *textFile, ctx *loadCtx) hcl.Diagnostics {
	c := newYAMLConv(f, ctx)
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
	pairs := c.pairs(root)
	if plugin, ok := pluginName(c, pairs); ok {
		return append(c.diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Inventory plugin skipped",
			Detail:  fmt.Sprintf("This file configures the Ansible inventory plugin %s, which switchback cannot run: the hosts and groups it would add are missing. Ansible skips what it cannot run too; list the hosts in an INI, YAML or HCL inventory.", plugin),
			Subject: c.rng(root).Ptr()})
	}
	if len(pairs) == 0 {
		return append(c.diags, errorAt(c.rng(root), "Empty inventory",
			"The YAML inventory holds no groups; start it with all: and its hosts, vars and children."))
	}
	for _, p := range pairs {
		c.group(m, p)
	}
	return c.diags
}

// pluginName says whether a YAML file configures an inventory plugin
// (a true plugin: key), and which.
func pluginName(c *yamlConv, pairs []yamlPair) (string, bool) {
	for _, p := range pairs {
		if p.key == "plugin" && c.truthy(p.val) {
			return c.scalarText(p.val), true
		}
	}
	return "", false
}

// yamlPair is a mapping entry as Python reads it: keys once each, in the
// order they first appear, with the last value given (merge keys
// applied).
type yamlPair struct {
	key     string
	keyVal  cty.Value // the key as a value: 1, true and null are not strings
	keyNode *yaml.Node
	val     *yaml.Node
}

// pairs lists a mapping's entries the way PyYAML builds a dict from it:
// << merges first (a later merged mapping's keys before an earlier's, the
// earlier's values winning), then the mapping's own entries; a repeated
// key keeps its first position and takes its last value.
func (c *yamlConv) pairs(n *yaml.Node) []yamlPair {
	flat := c.flatten(n, 0)
	var out []yamlPair
	index := map[string]int{}
	for _, kv := range flat {
		k := deref(kv[0])
		if k == nil || k.Kind != yaml.ScalarNode {
			c.diags = append(c.diags, errorAt(c.rng(kv[0]), "Invalid key", "A name here must be a plain string, not "+nodeKind(k)+"."))
			continue
		}
		kval, _ := c.scalarValue(k).UnmarkDeep()
		name, ok := pyKey(kval)
		if !ok {
			name = k.Value
		}
		if i, dup := index[pyKeyID(kval)]; dup {
			// PyYAML builds the value it then drops, errors included.
			c.value(out[i].val)
			out[i].val = kv[1]
			continue
		}
		index[pyKeyID(kval)] = len(out)
		out = append(out, yamlPair{key: name, keyVal: kval, keyNode: k, val: kv[1]})
	}
	return out
}

// flatten applies merge keys, as PyYAML's flatten_mapping does.
func (c *yamlConv) flatten(n *yaml.Node, depth int) [][2]*yaml.Node {
	if depth > 64 {
		return nil
	}
	var merged, own [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k != nil && k.Kind == yaml.ScalarNode && k.Style&^yaml.TaggedStyle == 0 &&
			(k.Tag == "!!merge" || k.Value == "<<" && k.Style&yaml.TaggedStyle == 0) {
			var subs [][][2]*yaml.Node
			switch {
			case v != nil && v.Kind == yaml.MappingNode:
				subs = append(subs, c.flatten(v, depth+1))
			case v != nil && v.Kind == yaml.SequenceNode:
				for _, e := range v.Content {
					if e = deref(e); e != nil && e.Kind == yaml.MappingNode {
						subs = append(subs, c.flatten(e, depth+1))
					}
				}
			}
			for i := len(subs) - 1; i >= 0; i-- {
				merged = append(merged, subs[i]...)
			}
			continue
		}
		own = append(own, [2]*yaml.Node{n.Content[i], n.Content[i+1]})
	}
	return append(merged, own...)
}

// truthy is Python's truth of a value.
func (c *yamlConv) truthy(n *yaml.Node) bool {
	v, _ := c.value(n).UnmarkDeep()
	switch {
	case v.IsNull():
		return false
	case v.Type() == cty.Bool:
		return v.True()
	case v.Type() == cty.String:
		return v.AsString() != ""
	case v.Type() == cty.Number:
		return !v.Equals(cty.Zero).True()
	case v.Type().IsObjectType() || v.Type().IsTupleType():
		return v.LengthInt() > 0
	}
	return true
}

func (c *yamlConv) scalarText(n *yaml.Node) string {
	if n = deref(n); n != nil && n.Kind == yaml.ScalarNode {
		return strconv.Quote(n.Value)
	}
	return nodeKind(n)
}

// group reads one group definition and returns the group's name, as
// Ansible's _parse_group does: even a skipped definition gives its name,
// which the parent then links as a child when a group or a host of that
// name exists.
func (c *yamlConv) group(m *model, p yamlPair) string {
	n := deref(p.val)
	if !isNull(n) && n.Kind != yaml.MappingNode {
		c.diags = append(c.diags, warningAt(c.rng(p.keyNode), "Group skipped",
			fmt.Sprintf("%q is not a valid group definition: a group is a mapping with hosts, vars and children, not %s. Ansible skips it too.", p.key, nodeKind(n))))
		return p.key
	}
	if p.keyVal.IsNull() || p.keyVal.Type() != cty.String || p.key == "" {
		c.diags = append(c.diags, errorAt(c.rng(p.keyNode), "Invalid group name",
			fmt.Sprintf("A group name must be a string; quote %s.", c.scalarText(p.keyNode))))
		return ""
	}
	g := m.group(p.key, c.rng(p.keyNode))
	if isNull(n) || !c.enter(n) {
		return g.name
	}
	defer c.leave(n)
	sections := c.pairs(n)
	for _, s := range sections {
		if s.key != "hosts" && s.key != "vars" && s.key != "children" {
			continue
		}
		if v := deref(s.val); !isNull(v) && v.Kind != yaml.MappingNode && v.Kind != yaml.ScalarNode {
			c.diags = append(c.diags, errorAt(c.rng(v), "Invalid "+s.key,
				fmt.Sprintf("The %s of group %q must be a mapping (name: value, one per line), not %s.", s.key, p.key, nodeKind(v))))
			return g.name
		}
	}
	for _, s := range sections {
		v := deref(s.val)
		isSection := s.key == "hosts" || s.key == "vars" || s.key == "children"
		switch {
		case isNull(v):
			continue
		case v.Kind == yaml.ScalarNode && isSection:
			// A string stands for a mapping with that one key.
		case v.Kind != yaml.MappingNode:
			c.diags = append(c.diags, warningAt(c.rng(s.keyNode), "Key skipped",
				fmt.Sprintf("Group %q has %s under %q, which is not a mapping, so it is skipped (as Ansible does).", p.key, nodeKind(v), s.key)))
			continue
		}
		var entries []yamlPair
		if v.Kind == yaml.ScalarNode {
			kv, _ := c.scalarValue(v).UnmarkDeep()
			name, ok := pyKey(kv)
			if !ok {
				name = v.Value
			}
			entries = []yamlPair{{key: name, keyVal: kv, keyNode: v}}
		} else {
			if !c.enter(v) {
				continue
			}
			entries = c.pairs(v)
			c.leave(v)
		}
		switch s.key {
		case "vars":
			c.groupVars(g, entries)
		case "children":
			for _, e := range entries {
				name := c.group(m, e)
				if name == "" {
					continue
				}
				if err := m.addChild(g, name); errors.Is(err, errGroupCycle) {
					c.diags = append(c.diags, errorAt(c.rng(e.keyNode), "Group cycle", capitalize(err)))
				} else if err != nil {
					c.diags = append(c.diags, errorAt(c.rng(e.keyNode), "Invalid child", fmt.Sprintf("Group %q: %v.", g.name, err)))
				}
			}
		case "hosts":
			for _, e := range entries {
				c.host(m, g, e)
			}
		default:
			c.diags = append(c.diags, warningAt(c.rng(s.keyNode), "Unexpected key skipped",
				fmt.Sprintf("Group %q has the key %q; only hosts, vars and children are valid, so it is skipped (as Ansible does).", p.key, s.key)))
		}
	}
	return g.name
}

func (c *yamlConv) groupVars(g *groupDef, pairs []yamlPair) {
	for _, p := range pairs {
		c.varName = p.key
		v := c.value(p.val)
		r := c.valueRange(p)
		if p.key == "ansible_group_priority" {
			n, d := groupPriority(v, r)
			if d != nil {
				c.diags = append(c.diags, d)
				continue
			}
			g.priority = n
			continue
		}
		g.inv = append(g.inv, varsLevel([]varEntry{{p.key, v, r}}))
	}
}

// valueRange points at a value, or at its key when there is none.
func (c *yamlConv) valueRange(p yamlPair) hcl.Range {
	if v := deref(p.val); v != nil && v.Line > 0 {
		return c.rng(v)
	}
	return c.rng(p.keyNode)
}

func (c *yamlConv) host(m *model, g *groupDef, p yamlPair) {
	at := c.rng(p.keyNode)
	if p.keyVal.IsNull() || p.keyVal.Type() != cty.String {
		c.diags = append(c.diags, errorAt(at, "Invalid host pattern",
			fmt.Sprintf("Host pattern %s must be a string; enclose numbers in quotation marks.", c.scalarText(p.keyNode))))
		return
	}
	names, port, err := expandHostPattern(p.key)
	if err != nil {
		c.diags = append(c.diags, errorAt(at, "Invalid host range", fmt.Sprintf("In %q, %v.", p.key, err)))
		return
	}
	var entries []varEntry
	n := deref(p.val)
	switch {
	case isNull(n):
	case n.Kind == yaml.MappingNode:
		if !c.enter(n) {
			return
		}
		for _, e := range c.pairs(n) {
			c.varName = e.key
			entries = append(entries, varEntry{e.key, c.value(e.val), c.valueRange(e)})
		}
		c.leave(n)
	case !c.truthy(n):
		// Ansible reads any empty value ("", 0, []) as no variables.
	default:
		c.diags = append(c.diags, errorAt(c.rng(n), "Invalid host variables",
			fmt.Sprintf("The variables of host %q must be a mapping (name: value), or nothing, not %s.", p.key, nodeKind(n))))
		return
	}
	c.diags = append(c.diags, addHosts(m, g, names, port, at, entries)...)
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
		return c.scalarValue(n)
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
		for _, p := range c.pairs(n) {
			attrs[p.key] = c.value(p.val)
		}
		if len(attrs) == 0 {
			return cty.EmptyObjectVal
		}
		return cty.ObjectVal(attrs)
	}
	return cty.NullVal(cty.DynamicPseudoType)
}

// parseVarsFile reads a group_vars/ or host_vars/ file: a mapping of
// variable names to values. A file encrypted whole with Ansible Vault is
// decrypted first, with the passwords in opts.
func parseVarsFile(f *textFile, ctx *loadCtx) (level, hcl.Diagnostics) {
	c := newYAMLConv(f, ctx)
	root, ok := c.parse()
	if !ok {
		return varsLevel(nil), c.diags
	}
	if root.Kind != yaml.MappingNode {
		if isNull(root) {
			return varsLevel(nil), c.diags
		}
		return level{}, append(c.diags, errorAt(c.rng(root), "Invalid variables file",
			fmt.Sprintf("A variables file is a mapping of variable names to values (name: value), not %s.", nodeKind(root))))
	}
	var entries []varEntry
	for _, p := range c.pairs(root) {
		c.varName = p.key
		entries = append(entries, varEntry{p.key, c.value(p.val), c.valueRange(p)})
	}
	return varsLevel(entries), c.diags
}
