package modules

import (
	"fmt"
	"slices"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/switchbackhq/switchback/internal/shell"
)

// A conf.d file is a shell script that the init script sources with
// /bin/sh, so it is read here as the shell reads it: a quoted value may
// span lines, and a line inside one is not an assignment. Editing it line
// by line would turn the second line of a multi-line value into a
// command run as root when the service starts.

// confAssign is a top-level assignment of a conf.d file: the bytes of
// NAME=value (without a leading export) and the value it sets, when that
// value is literal.
type confAssign struct {
	start, end int
	value      string
	literal    bool
}

// parseConfD parses a conf.d file and returns, for every variable, the
// last assignment made at the top level (by NAME=value or export
// NAME=value): the one the shell keeps. Assignments inside functions,
// conditionals or loops, and NAME=value before a command (which sets it
// only for that command), are not settings of the file.
func parseConfD(path, content string) (map[string]confAssign, error) {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(content), path)
	if err != nil {
		return nil, fmt.Errorf("%s does not parse as a shell script (%v); fix it on the host: its service reads it with /bin/sh", path, err)
	}
	out := map[string]confAssign{}
	add := func(a *syntax.Assign) {
		if a.Name == nil || a.Naked || a.Append || a.Index != nil || a.Array != nil {
			delete(out, nameOf(a)) // no longer a plain value of ours
			return
		}
		start, end := int(a.Pos().Offset()), int(a.End().Offset())
		eq := int(a.Name.End().Offset()) // the '=' after the name
		if a.Value == nil {
			end = eq + 1
		}
		v, rest, ok := shell.ReadWord(content[eq+1 : end])
		out[a.Name.Value] = confAssign{start: start, end: end, value: v, literal: ok && rest == ""}
	}
	for _, st := range f.Stmts {
		if st.Negated || st.Background || len(st.Redirs) > 0 {
			continue
		}
		switch c := st.Cmd.(type) {
		case *syntax.CallExpr:
			if len(c.Args) == 0 {
				for _, a := range c.Assigns {
					add(a)
				}
			}
		case *syntax.DeclClause:
			if c.Variant.Value == "export" {
				for _, a := range c.Args {
					add(a)
				}
			}
		}
	}
	return out, nil
}

func nameOf(a *syntax.Assign) string {
	if a.Name == nil {
		return ""
	}
	return a.Name.Value
}

// editConfD sets each key in a conf.d file to its value, quoted. The last
// top-level assignment of a key is the one the shell keeps, so that is
// the one replaced, in place (an export before it, comments and other
// assignments on its line stay); a key not assigned yet is appended. An
// assignment whose value already reads the same is left as written,
// quotes and all. A file that does not parse is not edited, and the
// result is parsed again: it must set every key to its value.
func editConfD(path, content string, values map[string]string) (string, error) {
	assigns, err := parseConfD(path, content)
	if err != nil {
		return "", err
	}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	var appended strings.Builder
	for _, k := range sortedKeys(values) {
		v := values[k]
		a, ok := assigns[k]
		switch {
		case !ok:
			appended.WriteString(k + "=" + shell.Quote(v) + "\n")
		case a.literal && a.value == v:
		default:
			edits = append(edits, edit{a.start, a.end, k + "=" + shell.Quote(v)})
		}
	}
	slices.SortFunc(edits, func(a, b edit) int { return b.start - a.start })
	out := content
	for _, e := range edits {
		out = out[:e.start] + e.text + out[e.end:]
	}
	if appended.Len() > 0 {
		if out != "" && !strings.HasSuffix(out, "\n") {
			out += "\n"
		}
		out += appended.String()
	}
	if out == content {
		return out, nil
	}
	// What the shell will read must be what was asked for: a file ending
	// in a line continuation, say, would join the first appended line to
	// its last command.
	check, err := parseConfD(path, out)
	if err != nil {
		return "", fmt.Errorf("editing %s would leave it unreadable by the shell (%v); fix the file on the host", path, err)
	}
	for k, v := range values {
		if a, ok := check[k]; !ok || !a.literal || a.value != v {
			return "", fmt.Errorf("editing %s cannot set %s: its last lines would change what the shell reads (does it end in a line continuation?); fix the file on the host", path, k)
		}
	}
	return out, nil
}
