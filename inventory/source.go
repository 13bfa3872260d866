package inventory

import (
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// textFile is an INI, YAML or JSON source. It turns byte offsets into
// hcl positions so that every diagnostic carries file, line and column,
// and it is registered with the parser so diagnostics print a snippet.
type textFile struct {
	name  string
	src   []byte
	lines []int // byte offset where each line starts

	// sections are the INI section headers, for "in [web:vars]" in messages.
	sections []section
}

type section struct {
	start int
	title string
}

func newTextFile(name string, src []byte) *textFile {
	f := &textFile{name: name, src: src, lines: []int{0}}
	for i, b := range src {
		if b == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
	return f
}

// pos is the position of a byte offset.
func (f *textFile) pos(off int) hcl.Pos {
	off = min(max(off, 0), len(f.src))
	line := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off }) - 1
	col := utf8.RuneCount(f.src[f.lines[line]:off]) + 1
	return hcl.Pos{Line: line + 1, Column: col, Byte: off}
}

// rng is the range between two byte offsets.
func (f *textFile) rng(start, end int) hcl.Range {
	if end < start {
		end = start
	}
	return hcl.Range{Filename: f.name, Start: f.pos(start), End: f.pos(end)}
}

// offset is the byte offset of a 1-based line and column (in characters),
// as YAML reports them.
func (f *textFile) offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(f.lines) {
		return len(f.src)
	}
	off := f.lines[line-1]
	for i := 1; i < col && off < len(f.src) && f.src[off] != '\n'; i++ {
		_, size := utf8.DecodeRune(f.src[off:])
		off += size
	}
	return off
}

// lineEnd is the offset of the end of the line holding off, newline excluded.
func (f *textFile) lineEnd(off int) int {
	for off < len(f.src) && f.src[off] != '\n' && f.src[off] != '\r' {
		off++
	}
	return off
}

// hclFile is what the parser keeps so that snippets can be printed.
func (f *textFile) hclFile() *hcl.File {
	return &hcl.File{Body: hcl.EmptyBody(), Bytes: f.src, Nav: f}
}

// ContextString names the INI section an offset is in; the diagnostic
// printer calls it through hcl.File.Nav.
func (f *textFile) ContextString(off int) string {
	title := ""
	for _, s := range f.sections {
		if s.start > off {
			break
		}
		title = s.title
	}
	return title
}
