package modules

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Line keeps one line of a text file present or absent. With a regexp,
// the last line it matches is replaced by the line (or, when absent,
// every line it matches is removed); without, lines are compared whole.
// The file is read once, edited here, and only written back, atomically,
// when the edit changes it.
type Line struct {
	Path   string
	Line   string
	Regexp *regexp.Regexp // nil compares whole lines
	State  string         // "present" or "absent"
	Create bool           // create a missing file for a present line
}

var _ Module = (*Line)(nil)

// Writes is the edited file.
func (m *Line) Writes() []string { return []string{m.Path} }

type lineConfig struct {
	Path   string  `hcl:"path"`
	Line   *string `hcl:"line,optional"`
	Regexp *string `hcl:"regexp,optional"`
	State  *string `hcl:"state,optional"`
	Create *bool   `hcl:"create,optional"`
}

// LineType registers the line step.
func LineType() Type {
	return Type{Name: "line", Decode: decodeLine}
}

func decodeLine(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg lineConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	m := &Line{Path: cfg.Path, State: "present"}
	if cfg.State != nil {
		m.State = *cfg.State
	}
	if cfg.Create != nil {
		m.Create = *cfg.Create
	}
	if why := checkAbsPath(m.Path); why != "" {
		diags = append(diags, attrError(body, "path", "Invalid path", why+"."))
	}
	if m.State != "present" && m.State != "absent" {
		diags = append(diags, attrError(body, "state", "Invalid line state",
			fmt.Sprintf("state is %q; use \"present\" or \"absent\".", m.State)))
	}
	if cfg.Line != nil {
		m.Line = *cfg.Line
		if strings.ContainsAny(m.Line, "\n\x00") {
			diags = append(diags, attrError(body, "line", "Line contains a line break",
				"line must be a single line, without \"\\n\" or NUL; use a file step with content for several lines."))
		}
	}
	if cfg.Regexp != nil {
		re, err := regexp.Compile(*cfg.Regexp)
		if err != nil {
			diags = append(diags, attrError(body, "regexp", "Invalid regular expression",
				fmt.Sprintf("regexp does not compile (RE2 syntax, as Go's regexp package reads it): %v.", err)))
		}
		m.Regexp = re
	}
	switch {
	case m.State == "present" && cfg.Line == nil:
		diags = append(diags, attrError(body, "line", "Missing line",
			"state = \"present\" needs line, the text of the line to keep in the file."))
	case m.State == "absent" && cfg.Line == nil && cfg.Regexp == nil:
		diags = append(diags, attrError(body, "line", "Missing line or regexp",
			"state = \"absent\" needs line (removes lines equal to it) or regexp (removes lines matching it)."))
	case m.State == "absent" && cfg.Create != nil:
		diags = append(diags, attrError(body, "create", "create does not apply",
			"create only applies to state = \"present\"; remove it."))
	}
	return m, diags
}

func (m *Line) Summary() string {
	s := fmt.Sprintf("line %s in %s", m.State, displayPath(m.Path))
	if m.Regexp != nil {
		s += fmt.Sprintf(" (regexp %q)", m.Regexp.String())
	}
	return s
}

// lineEdit is what Apply writes, decided by Check.
type lineEdit struct {
	content string
	perm    uint32
	chown   string
}

func (m *Line) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	out, err := h.Run(ctx, probeScript(m.Path, true, true))
	if err != nil {
		return Plan{}, err
	}
	if out.ExitCode != 0 {
		return Plan{}, commandFailed("reading "+displayPath(m.Path), out)
	}
	info, err := parseProbe(out.Stdout)
	if err != nil {
		return Plan{}, err
	}
	p := displayPath(m.Path)
	switch info.Kind {
	case "absent":
		if m.State == "absent" {
			return NoChange(p + " does not exist"), nil
		}
		if !m.Create {
			return Plan{}, fmt.Errorf("%s does not exist; set create = true to create it", p)
		}
	case "file":
		if !info.HasContent {
			return Plan{}, fmt.Errorf("%s is too large to edit line by line (%d bytes; the limit is %d)", p, info.Size, readLimit)
		}
	default:
		return Plan{}, fmt.Errorf("%s is a %s, not a regular file", p, kindName(info.Kind))
	}
	updated := editLines(info.Content, m.Line, m.Regexp, m.State == "present")
	if updated == info.Content && info.Kind == "file" {
		return NoChange("the line is " + m.State), nil
	}
	edit := lineEdit{content: updated, perm: defaultFilePerm}
	diff := ""
	if info.Kind == "absent" {
		diff = fmt.Sprintf("+ file %s (mode %s)\n", p, formatPerm(defaultFilePerm))
	} else {
		edit.perm = info.Perm
		if info.UID != 0 || info.GID != 0 {
			edit.chown = fmt.Sprintf("%d:%d", info.UID, info.GID)
		}
	}
	diff += unifiedDiff(p, info.Content, updated, info.Kind == "file")
	return Change(diff, edit), nil
}

func (m *Line) Apply(ctx context.Context, h hostcmd.Host, p Plan) error {
	edit, _ := p.state.(lineEdit)
	return writeFile(ctx, h, writeSpec{Path: m.Path, Content: edit.content, Perm: edit.perm, Chown: edit.chown, Follow: true}, "")
}

// editLines returns content with the line kept present or absent.
// Present: the last line that re matches becomes line; with no match, or
// no re, line is appended unless the file already has it. Absent: lines
// that re matches (or, without re, that equal line) are removed.
func editLines(content, line string, re *regexp.Regexp, present bool) string {
	lines := splitLines(content)
	text := func(l string) string { return strings.TrimSuffix(l, "\n") }
	if !present {
		var kept []string
		for _, l := range lines {
			if re != nil && re.MatchString(text(l)) || re == nil && text(l) == line {
				continue
			}
			kept = append(kept, l)
		}
		return strings.Join(kept, "")
	}
	if re != nil {
		for i := len(lines) - 1; i >= 0; i-- {
			if re.MatchString(text(lines[i])) {
				if text(lines[i]) == line {
					return content
				}
				lines[i] = line + lines[i][len(text(lines[i])):]
				return strings.Join(lines, "")
			}
		}
	}
	for _, l := range lines {
		if text(l) == line {
			return content
		}
	}
	if content != "" && !strings.HasSuffix(content, "\n") {
		content += "\n"
	}
	return content + line + "\n"
}

// Chainable: the edited file is written in one command unless it is
// written in chunks.
func (m *Line) Chainable(p Plan) bool {
	edit, _ := p.state.(lineEdit)
	return oneCommand(edit.content)
}
