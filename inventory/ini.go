package inventory

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// The INI format, as Ansible's ini inventory plugin reads it: hosts
// before any section are in ungrouped; [g] lists hosts with inline
// key=value variables; [g:children] lists child groups, which may be
// declared later in the file; [g:vars] holds one key=value per line.
// Every value, inline or in [g:vars], is read as a Python literal.

var (
	iniSection   = regexp.MustCompile(`^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$`)
	iniGroupName = regexp.MustCompile(`^([^:\]\s]+)\s*(?:#.*)?$`)
)

// pendingGroup is a group named before it is declared: by [g:vars]
// (which must be followed by a declaration) or as a child (which is
// linked once the child is declared).
type pendingGroup struct {
	vars    bool
	rng     hcl.Range
	parents []*groupDef
}

// parseINI adds an INI inventory to m.
func parseINI(m *model, f *textFile) hcl.Diagnostics {
	var diags hcl.Diagnostics
	pending := map[string]*pendingGroup{}
	var pendingOrder []string
	addPending := func(name string, p *pendingGroup) {
		pending[name] = p
		pendingOrder = append(pendingOrder, name)
	}
	// declare links a pending child to the parents that named it, and
	// those parents' own pending parents in turn.
	var declare func(name string)
	declare = func(name string) {
		p := pending[name]
		delete(pending, name)
		for _, parent := range p.parents {
			if err := m.link(parent, m.groupByName[name]); err != nil {
				diags = append(diags, errorAt(p.rng, "Group cycle", capitalize(err)))
			}
			if pp := pending[parent.name]; pp != nil && !pp.vars {
				declare(parent.name)
			}
		}
	}

	group, state := m.ungrouped, "hosts"
	for ln := 0; ln < len(f.lines); ln++ {
		start := f.lines[ln]
		end := f.lineEnd(start)
		raw := string(f.src[start:end])
		line := strings.TrimSpace(raw)
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		lead := start + strings.Index(raw, line)
		lineRng := f.rng(lead, lead+len(line))

		if sm := iniSection.FindStringSubmatch(line); sm != nil {
			name, kind := sm[1], sm[2]
			title := "[" + name
			if kind != "" {
				title += ":" + kind
			}
			title += "]"
			f.sections = append(f.sections, section{start: start, title: title})
			state = kind
			if state == "" {
				state = "hosts"
			}
			if state != "hosts" && state != "children" && state != "vars" {
				diags = append(diags, errorAt(lineRng, "Unknown section type",
					fmt.Sprintf("Section %s has the unknown type %q: a section is [%s] for hosts, [%s:children] for child groups or [%s:vars] for variables.", title, kind, name, name, name)))
				state = "skip"
				continue
			}
			if m.groupByName[name] == nil {
				if state == "vars" && pending[name] == nil {
					addPending(name, &pendingGroup{vars: true, rng: lineRng})
				}
				m.group(name, lineRng)
			}
			group = m.groupByName[name]
			if p := pending[name]; p != nil && state != "vars" {
				if p.vars {
					delete(pending, name)
				} else {
					declare(name)
				}
			}
			continue
		}
		if line[0] == '[' && line[len(line)-1] == ']' {
			diags = append(diags, errorAt(lineRng, "Invalid section header",
				fmt.Sprintf("%s is not a section header: write [name], [name:vars] or [name:children], with no spaces in the name.", line)))
			state = "skip"
			continue
		}

		switch state {
		case "hosts":
			if line == "---" {
				// The file is YAML; whatever follows would only add noise.
				return append(diags, errorAt(lineRng, "Invalid host pattern",
					"A host named \"---\" is normally a sign that this is a YAML file; name it .yml or .yaml."))
			}
			diags = append(diags, iniHostLine(m, f, group, raw, start)...)
		case "vars":
			diags = append(diags, iniVarLine(m, group, f, line, lead)...)
		case "children":
			cm := iniGroupName.FindStringSubmatch(line)
			if cm == nil {
				diags = append(diags, errorAt(lineRng, "Invalid child group",
					fmt.Sprintf("A [%s:children] section lists one group name per line, without spaces or colons; %q is not one.", group.name, line)))
				continue
			}
			child, rng := cm[1], f.rng(lead, lead+len(cm[1]))
			if c := m.groupByName[child]; c != nil {
				if err := m.link(group, c); err != nil {
					diags = append(diags, errorAt(rng, "Group cycle", capitalize(err)))
				}
			} else if p := pending[child]; p != nil {
				p.parents = append(p.parents, group)
			} else {
				addPending(child, &pendingGroup{rng: rng, parents: []*groupDef{group}})
			}
		}
	}
	for _, name := range pendingOrder {
		p := pending[name]
		if p == nil {
			continue
		}
		delete(pending, name)
		if p.vars {
			diags = append(diags, errorAt(p.rng, "Variables for an undeclared group",
				fmt.Sprintf("Section [%s:vars] sets variables of group %q, but no [%s] or [%s:children] section declares it.", name, name, name, name)))
		} else {
			parent := p.parents[len(p.parents)-1]
			diags = append(diags, errorAt(p.rng, "Unknown group in children",
				fmt.Sprintf("Group %q lists %q as a child, but no [%s] or [%s:children] section declares it. Declare the group or fix the name.", parent.name, name, name, name)))
		}
	}
	return diags
}

// iniHostLine reads "pattern[:port] key=value ..." with shell-like
// quoting and # comments, as Ansible does.
func iniHostLine(m *model, f *textFile, group *groupDef, raw string, start int) hcl.Diagnostics {
	tokens, serr := shlexSplit(raw)
	if serr != nil {
		return hcl.Diagnostics{errorAt(f.rng(start+serr.start, start+serr.end), "Invalid host line", serr.msg)}
	}
	if len(tokens) == 0 {
		return nil
	}
	first := tokens[0]
	at := f.rng(start+first.start, start+first.end)
	names, port, err := expandHostPattern(first.text)
	switch {
	case err != nil:
		return hcl.Diagnostics{errorAt(at, "Invalid host range", fmt.Sprintf("In %q, %v.", first.text, err))}
	case strings.HasSuffix(strings.TrimSpace(first.text), ":") && port < 0:
		return hcl.Diagnostics{errorAt(at, "Invalid host pattern",
			fmt.Sprintf("%q ends with \":\", which is kept for a port, as in web01:2222.", first.text))}
	case first.text == "---" || strings.TrimSpace(first.text) == "---":
		return hcl.Diagnostics{errorAt(at, "Invalid host pattern",
			"A host named \"---\" is normally a sign that this is a YAML file; name it .yml or .yaml.")}
	}
	var diags hcl.Diagnostics
	var entries []varEntry
	for _, t := range tokens[1:] {
		r := f.rng(start+t.start, start+t.end)
		k, v, ok := strings.Cut(t.text, "=")
		if !ok {
			diags = append(diags, errorAt(r, "Invalid host variable",
				fmt.Sprintf("Expected key=value after the host name, got %q. Quote values that hold spaces: key=\"a value\".", t.text)))
			continue
		}
		val, err := pyValueErr(v)
		if err != nil {
			diags = append(diags, errorAt(r, "Invalid host variable", fmt.Sprintf("%s=%s: %v; Ansible fails the file too.", k, v, err)))
			continue
		}
		entries = append(entries, varEntry{k, val, r})
	}
	if diags.HasErrors() {
		return diags
	}
	diags = append(diags, addHosts(m, group, names, port, at, entries)...)
	return diags
}

// addHosts adds hosts to group as Ansible's _populate_host_vars does: a
// new host takes the pattern's port as ansible_port, then every host
// takes the variables, which land on a group of the same name if there
// is one.
func addHosts(m *model, group *groupDef, names []string, port int, at hcl.Range, entries []varEntry) hcl.Diagnostics {
	var diags hcl.Diagnostics
	l := varsLevel(entries)
	for _, name := range names {
		if name == "" {
			diags = append(diags, errorAt(at, "Invalid host pattern", "A host name cannot be empty."))
			continue
		}
		h := m.hostByName[name]
		if h == nil {
			h = m.host(name, at)
			if port > 0 {
				h.inv = append(h.inv, varsLevel([]varEntry{{"ansible_port", cty.NumberIntVal(int64(port)), at}}))
			}
		} else if port > 0 {
			diags = append(diags, warningAt(at, "Port ignored",
				fmt.Sprintf("Host %q was declared before, so Ansible keeps the port it had then and ignores :%d here; switchback does the same. Set ansible_port to change it.", name, port)))
		}
		m.addMember(group, h)
		if len(entries) > 0 {
			m.setVars(name, l)
		}
	}
	return diags
}

// iniVarLine reads a [group:vars] line: the key is what comes before the
// first "=", the value what comes after, read as a Python literal.
func iniVarLine(m *model, g *groupDef, f *textFile, line string, lead int) hcl.Diagnostics {
	r := f.rng(lead, lead+len(line))
	k, v, ok := strings.Cut(line, "=")
	k, v = strings.TrimSpace(k), strings.TrimSpace(v)
	if !ok {
		return hcl.Diagnostics{errorAt(r, "Invalid group variable",
			fmt.Sprintf("A [%s:vars] section holds one key=value per line; %q is not one.", g.name, line))}
	}
	val, err := pyValueErr(v)
	if err != nil {
		return hcl.Diagnostics{errorAt(r, "Invalid group variable", fmt.Sprintf("%s: %v; Ansible fails the file too.", line, err))}
	}
	if k == "ansible_group_priority" {
		n, d := groupPriority(val, r)
		if d != nil {
			return hcl.Diagnostics{d}
		}
		g.priority = n
		return nil
	}
	g.inv = append(g.inv, varsLevel([]varEntry{{k, val, r}}))
	return nil
}

// groupPriority reads ansible_group_priority as Python's int() does.
func groupPriority(v cty.Value, r hcl.Range) (int, *hcl.Diagnostic) {
	v, _ = v.UnmarkDeep()
	bad := errorAt(r, "Invalid ansible_group_priority",
		fmt.Sprintf("ansible_group_priority orders groups of the same depth and must be a whole number, not %s.", describe(v)))
	switch {
	case v.IsNull():
		return 0, bad
	case v.Type() == cty.Bool:
		if v.True() {
			return 1, nil
		}
		return 0, nil
	case v.Type() == cty.Number:
		bf := v.AsBigFloat()
		i, _ := bf.Int(nil) // truncates, as int() does
		if !i.IsInt64() {
			return 0, bad
		}
		return int(i.Int64()), nil
	case v.Type() == cty.String:
		n, err := pyInt(v.AsString())
		if err != nil {
			return 0, bad
		}
		return n, nil
	}
	return 0, bad
}

type token struct {
	text       string
	start, end int // byte offsets in the line
}

// shlexSplit splits a line the way Python's shlex.split(line,
// comments=True) does: white space separates, quotes group, a backslash
// escapes, and # outside quotes ends the line.
func shlexSplit(line string) ([]token, *rangeError) {
	var tokens []token
	var cur strings.Builder
	inToken, start := false, 0
	flush := func(end int) {
		if inToken {
			tokens = append(tokens, token{cur.String(), start, end})
		}
		cur.Reset()
		inToken = false
	}
	begin := func(i int) {
		if !inToken {
			inToken, start = true, i
		}
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			flush(i)
		case c == '#':
			flush(i)
			return tokens, nil
		case c == '\\':
			begin(i)
			if i+1 >= len(line) {
				return nil, &rangeError{i, i + 1, "A backslash at the end of the line escapes nothing."}
			}
			i++
			cur.WriteByte(line[i])
		case c == '\'' || c == '"':
			begin(i)
			j := i + 1
			for ; j < len(line) && line[j] != c; j++ {
				if c == '"' && line[j] == '\\' && j+1 < len(line) && (line[j+1] == '"' || line[j+1] == '\\') {
					j++
				}
				cur.WriteByte(line[j])
			}
			if j >= len(line) {
				return nil, &rangeError{i, len(line), fmt.Sprintf("The quote %c opened here is never closed.", c)}
			}
			i = j
		default:
			begin(i)
			cur.WriteByte(c)
		}
	}
	flush(len(line))
	return tokens, nil
}
