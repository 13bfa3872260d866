package inventory

import (
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// The INI format, as Ansible's ini inventory plugin documents it: hosts
// before any section are ungrouped; [g] lists hosts with inline
// key=value variables (read as Python literals); [g:children] lists
// child groups; [g:vars] holds one key=value per line (always a string).

var (
	iniSection   = regexp.MustCompile(`^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$`)
	iniGroupName = regexp.MustCompile(`^([^:\]\s]+)\s*(?:#.*)?$`)
)

// parseINI adds an INI inventory to m.
func parseINI(m *model, f *textFile) hcl.Diagnostics {
	var diags hcl.Diagnostics
	declared := map[string]bool{}
	for _, g := range m.groups {
		declared[g.name] = true
	}
	type pendingVars struct {
		name string
		rng  hcl.Range
	}
	var pending []pendingVars

	group, state := m.groupByName["ungrouped"], "hosts"
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
			group = m.group(name, lineRng)
			if state == "vars" {
				if !declared[name] {
					pending = append(pending, pendingVars{name, lineRng})
				}
			} else {
				declared[name] = true
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
			diags = append(diags, iniVarLine(group, f, line, lead)...)
		case "children":
			cm := iniGroupName.FindStringSubmatch(line)
			if cm == nil {
				diags = append(diags, errorAt(lineRng, "Invalid child group",
					fmt.Sprintf("A [%s:children] section lists one group name per line, without spaces or colons; %q is not one.", group.name, line)))
				continue
			}
			group.children = append(group.children, ref{name: cm[1], rng: f.rng(lead, lead+len(cm[1]))})
		}
	}
	for _, p := range pending {
		if !declared[p.name] {
			diags = append(diags, errorAt(p.rng, "Variables for an undeclared group",
				fmt.Sprintf("Section [%s:vars] sets variables of group %q, but no [%s] or [%s:children] section declares it.", p.name, p.name, p.name, p.name)))
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
	at := func(s, e int) hcl.Range { return f.rng(start+first.start+s, start+first.start+e) }
	names, port, d := parseHostPattern(first.text, at)
	if d != nil {
		return hcl.Diagnostics{d}
	}
	var diags hcl.Diagnostics
	var entries []varEntry
	for _, t := range tokens[1:] {
		r := f.rng(start+t.start, start+t.end)
		k, v, ok := strings.Cut(t.text, "=")
		if !ok || k == "" {
			diags = append(diags, errorAt(r, "Invalid host variable",
				fmt.Sprintf("Expected key=value after the host name, got %q. Quote values that hold spaces: key=\"a value\".", t.text)))
			continue
		}
		entries = append(entries, varEntry{k, pyValue(v), r})
	}
	if port != nil {
		// As in Ansible, host:port wins over an ansible_port on the same line.
		entries = append(entries, varEntry{"ansible_port", cty.NumberIntVal(int64(*port)), at(0, first.end-first.start)})
	}
	l, more := ansibleLevel(entries)
	diags = append(diags, more...)
	for _, name := range names {
		h := m.host(name, at(0, first.end-first.start))
		h.inv = append(h.inv, l)
		group.members = append(group.members, ref{name: name, rng: at(0, first.end-first.start)})
	}
	return diags
}

// iniVarLine reads a [group:vars] line: the value is everything after the
// first "=", a string; a # comment after it is dropped, and a quoted
// value loses its quotes.
func iniVarLine(g *groupDef, f *textFile, line string, lead int) hcl.Diagnostics {
	r := f.rng(lead, lead+len(line))
	k, v, ok := strings.Cut(line, "=")
	k, v = strings.TrimSpace(k), strings.TrimSpace(v)
	if !ok || k == "" {
		return hcl.Diagnostics{errorAt(r, "Invalid group variable",
			fmt.Sprintf("A [%s:vars] section holds one key=value per line; %q is not one.", g.name, line))}
	}
	if i := commentStart(v); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') {
		if s := pyValue(v); s.Type() == cty.String {
			v = s.AsString()
		}
	}
	if k == "ansible_group_priority" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return hcl.Diagnostics{errorAt(r, "Invalid ansible_group_priority",
				fmt.Sprintf("ansible_group_priority orders groups of the same depth and must be a whole number, not %q.", v))}
		}
		g.priority = n
		return nil
	}
	l, diags := ansibleLevel([]varEntry{{k, cty.StringVal(v), r}})
	g.inv = append(g.inv, l)
	return diags
}

// commentStart finds a # that starts a comment: outside quotes and after
// white space.
func commentStart(v string) int {
	var quote byte
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && i > 0 && (v[i-1] == ' ' || v[i-1] == '\t'):
			return i
		}
	}
	return -1
}

// parseHostPattern splits name[:port] and expands ranges; at turns byte
// offsets into the pattern into source ranges.
func parseHostPattern(p string, at func(start, end int) hcl.Range) ([]string, *int, *hcl.Diagnostic) {
	whole := at(0, len(p))
	if strings.HasSuffix(p, ":") && net.ParseIP(p) == nil {
		return nil, nil, errorAt(whole, "Invalid host pattern",
			fmt.Sprintf("%q ends with \":\", which is kept for a port, as in web01:2222.", p))
	}
	name, portText, hasPort := p, "", false
	if strings.HasPrefix(p, "[") {
		// [IPv6]:port
		if end := strings.IndexByte(p, ']'); end > 0 && strings.Contains(p[1:end], ":") && net.ParseIP(p[1:end]) != nil {
			name = p[1:end]
			rest := p[end+1:]
			if rest != "" {
				if rest[0] != ':' {
					return nil, nil, errorAt(whole, "Invalid host pattern", fmt.Sprintf("%q has text after the IPv6 address; write [address]:port.", p))
				}
				portText, hasPort = rest[1:], true
			}
		}
	}
	if name == p {
		if colon := lastColonOutsideBrackets(p); colon >= 0 {
			if strings.Count(p, ":") > 1 && net.ParseIP(p) != nil {
				// A bare IPv6 address has no port.
			} else {
				name, portText, hasPort = p[:colon], p[colon+1:], true
			}
		}
	}
	var port *int
	if hasPort {
		n, err := strconv.Atoi(portText)
		if err != nil || n < 1 || n > 65535 {
			return nil, nil, portError(at(len(p)-len(portText)-1, len(p)), fmt.Sprintf("%q after the host name %q", portText, name))
		}
		port = &n
	}
	names, rerr := expandRanges(name)
	if rerr != nil {
		off := strings.Index(p, name)
		return nil, nil, rangeDiag(at(off+rerr.start, off+rerr.end), rerr)
	}
	return names, port, nil
}

func lastColonOutsideBrackets(p string) int {
	depth, last := 0, -1
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '[':
			depth++
		case ']':
			depth = max(depth-1, 0)
		case ':':
			if depth == 0 {
				last = i
			}
		}
	}
	return last
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
