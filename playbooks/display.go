package playbooks

import (
	"regexp"
	"slices"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/switchbackhq/switchback/internal/redact"
)

// Diagnostics quote the lines they point at. A var file line that sets
// a sensitive variable, or the default of one, must not be quoted as it
// is: the Loader notes where such values are written, and ForDisplay
// gives the sources with "(sensitive)" in their place.

// span is a run of bytes of a source, [start, end).
type span struct{ start, end int }

// noteSensitiveSources records where the values of sensitive variables
// are written: the default in the playbook, and each var file's line.
// A var file that does not parse is read line by line: from the "=" of
// an assignment to a sensitive variable up to the next assignment.
func (l *Loader) noteSensitiveSources(blocks []*hcl.Block, files []string) {
	l.hidden = map[string][]span{}
	var names []string
	for _, b := range blocks {
		content, _, _ := b.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "sensitive"}, {Name: "default"}}})
		a, ok := content.Attributes["sensitive"]
		var sensitive bool
		if !ok || gohcl.DecodeExpression(a.Expr, nil, &sensitive).HasErrors() || !sensitive {
			continue
		}
		names = append(names, b.Labels[0])
		if d, ok := content.Attributes["default"]; ok {
			l.hide(d.Expr.Range())
		}
	}
	if len(names) == 0 {
		return
	}
	for _, path := range files {
		f := l.Parser.Files()[path]
		if f == nil {
			continue
		}
		// The parsed attributes where there are some, and the lines in case
		// the file did not parse (a value cut short hides no secret then).
		if body, ok := f.Body.(*hclsyntax.Body); ok && body != nil {
			for _, n := range names {
				if a, ok := body.Attributes[n]; ok {
					l.hide(a.Expr.Range())
				}
			}
		}
		l.hideByLines(path, f.Bytes, names)
	}
}

func (l *Loader) hide(r hcl.Range) {
	l.hidden[r.Filename] = append(l.hidden[r.Filename], span{r.Start.Byte, r.End.Byte})
}

var assignmentLine = regexp.MustCompile(`(?m)^[ \t]*([A-Za-z_][A-Za-z0-9_-]*)[ \t]*=[ \t]*`)

func (l *Loader) hideByLines(path string, src []byte, names []string) {
	lines := assignmentLine.FindAllSubmatchIndex(src, -1)
	for i, m := range lines {
		if !slices.Contains(names, string(src[m[2]:m[3]])) {
			continue
		}
		end := len(src)
		if i+1 < len(lines) {
			end = lines[i+1][0]
		}
		for end > m[1] && (src[end-1] == '\n' || src[end-1] == '\r') {
			end--
		}
		if end > m[1] {
			l.hidden[path] = append(l.hidden[path], span{m[1], end})
		}
	}
}

// ForDisplay returns the sources and diagnostics to print: files in which
// sensitive values are written get a copy with "(sensitive)" in their
// place, and the diagnostics that point into them are moved to match.
// files and diags are not changed.
func (l *Loader) ForDisplay(files map[string]*hcl.File, diags hcl.Diagnostics) (map[string]*hcl.File, hcl.Diagnostics) {
	if len(l.hidden) == 0 {
		return files, diags
	}
	out := make(map[string]*hcl.File, len(files))
	maps := map[string]func(hcl.Pos, bool) hcl.Pos{}
	for name, f := range files {
		spans := l.hidden[name]
		if len(spans) == 0 || f == nil || f.Bytes == nil {
			out[name] = f
			continue
		}
		src, move := redactSource(f.Bytes, spans)
		out[name] = &hcl.File{Body: f.Body, Bytes: src} // no Nav: its ranges are the original's
		maps[name] = move
	}
	shown := make(hcl.Diagnostics, len(diags))
	for i, d := range diags {
		c := *d
		if c.Subject != nil {
			if move, ok := maps[c.Subject.Filename]; ok {
				c.Subject = &hcl.Range{Filename: c.Subject.Filename, Start: move(c.Subject.Start, false), End: move(c.Subject.End, true)}
			}
		}
		if c.Context != nil {
			if move, ok := maps[c.Context.Filename]; ok {
				c.Context = &hcl.Range{Filename: c.Context.Filename, Start: move(c.Context.Start, false), End: move(c.Context.End, true)}
			}
		}
		shown[i] = &c
	}
	return out, shown
}

// redactSource writes src with each span replaced by redact.Masked, and
// returns how a position of src moves: before a span it keeps its place,
// inside one it goes to the start (or, for an end, the end) of the
// replacement, after one it shifts with it.
func redactSource(src []byte, spans []span) ([]byte, func(hcl.Pos, bool) hcl.Pos) {
	spans = slices.Clone(spans)
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	var merged []span
	for _, s := range spans {
		if s.start < 0 || s.end > len(src) || s.start >= s.end {
			continue
		}
		if n := len(merged); n > 0 && s.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, s.end)
			continue
		}
		merged = append(merged, s)
	}
	var out []byte
	prev := 0
	for _, s := range merged {
		out = append(out, src[prev:s.start]...)
		out = append(out, redact.Masked...)
		prev = s.end
	}
	out = append(out, src[prev:]...)
	moveByte := func(b int, end bool) int {
		delta := 0
		for _, s := range merged {
			switch {
			case b <= s.start:
				return b + delta
			case b < s.end || (end && b == s.end):
				if end {
					return s.start + delta + len(redact.Masked)
				}
				return s.start + delta
			}
			delta += len(redact.Masked) - (s.end - s.start)
		}
		return b + delta
	}
	return out, func(p hcl.Pos, end bool) hcl.Pos {
		b := min(max(moveByte(p.Byte, end), 0), len(out))
		line, col := 1, 1
		lineStart := 0
		for i := 0; i < b; i++ {
			if out[i] == '\n' {
				line++
				lineStart = i + 1
			}
		}
		col += utf8.RuneCount(out[lineStart:b])
		return hcl.Pos{Line: line, Column: col, Byte: b}
	}
}
