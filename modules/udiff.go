package modules

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// A small unified diff for plans. It is written here rather than taken
// from a library because plans need little (text in memory, 3 lines of
// context, GNU's "\ No newline at end of file"), and the libraries that do
// this either pull in a larger toolkit or sit in internal packages.

const (
	diffContext = 3
	// maxEditDistance bounds the Myers search (its memory grows with the
	// square of the distance); beyond it the changed middle is shown as
	// removed then added, which is still a correct diff, only a longer one.
	maxEditDistance = 1000
	// maxDiffLines keeps a plan readable when a whole file is replaced.
	maxDiffLines = 300
)

type editOp byte

const (
	opEqual  editOp = ' '
	opDelete editOp = '-'
	opInsert editOp = '+'
)

type edit struct {
	op   editOp
	line string // with its "\n", if it had one
}

// unifiedDiff describes how old becomes new. Both are labelled with
// name; a file that does not exist yet is labelled /dev/null on the old
// side (oldExists false). Empty when the texts are equal.
func unifiedDiff(name string, old, new string, oldExists bool) string {
	if old == new && oldExists {
		return ""
	}
	if isBinary(old) || isBinary(new) {
		return fmt.Sprintf("binary content: %d → %d bytes\n", len(old), len(new))
	}
	oldName := name
	if !oldExists {
		oldName = "/dev/null"
	}
	edits := diffLines(splitLines(old), splitLines(new))
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", oldName, name)
	lines := 0
	for _, h := range hunks(edits) {
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(h.oldStart, h.oldLen), hunkRange(h.newStart, h.newLen))
		for _, e := range h.edits {
			if lines == maxDiffLines {
				fmt.Fprintf(&b, "… (diff cut at %d lines)\n", maxDiffLines)
				return b.String()
			}
			b.WriteByte(byte(e.op))
			if text, ok := strings.CutSuffix(e.line, "\n"); ok {
				b.WriteString(text)
				b.WriteByte('\n')
			} else {
				b.WriteString(e.line)
				b.WriteString("\n\\ No newline at end of file\n")
			}
			lines++
		}
	}
	return b.String()
}

func isBinary(s string) bool {
	return strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s)
}

// splitLines cuts text after every "\n"; the last line may lack one.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// diffLines returns a shortest edit script from a to b (Myers' greedy
// algorithm) after setting aside the common head and tail.
func diffLines(a, b []string) []edit {
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	var out []edit
	for _, l := range a[:head] {
		out = append(out, edit{opEqual, l})
	}
	out = append(out, myers(a[head:len(a)-tail], b[head:len(b)-tail])...)
	for _, l := range a[len(a)-tail:] {
		out = append(out, edit{opEqual, l})
	}
	return out
}

func myers(a, b []string) []edit {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return replaceAll(a, b)
	}
	limit := min(n+m, maxEditDistance)
	// v[k+offset] is the furthest x reached on diagonal k; trace[d] keeps
	// v for diagonals -d..d after round d, for the walk back.
	offset := limit + 1
	v := make([]int, 2*limit+3)
	var trace [][]int
	for d := 0; d <= limit; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
				x = v[offset+k+1]
			} else {
				x = v[offset+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[offset+k] = x
			if x >= n && y >= m {
				trace = append(trace, append([]int(nil), v[offset-d:offset+d+1]...))
				return walkBack(a, b, trace)
			}
		}
		trace = append(trace, append([]int(nil), v[offset-d:offset+d+1]...))
	}
	return replaceAll(a, b)
}

// walkBack turns the rounds of the search into edits, from the end.
func walkBack(a, b []string, trace [][]int) []edit {
	at := func(d, k int) int { return trace[d][k+d] }
	var rev []edit
	x, y := len(a), len(b)
	for d := len(trace) - 1; d > 0; d-- {
		k := x - y
		down := k == -d || (k != d && at(d-1, k-1) < at(d-1, k+1))
		prevK := k - 1
		if down {
			prevK = k + 1
		}
		prevX := at(d-1, prevK)
		prevY := prevX - prevK
		midX := prevX + 1
		if down {
			midX = prevX
		}
		for x > midX {
			rev = append(rev, edit{opEqual, a[x-1]})
			x--
			y--
		}
		if down {
			rev = append(rev, edit{opInsert, b[prevY]})
		} else {
			rev = append(rev, edit{opDelete, a[prevX]})
		}
		x, y = prevX, prevY
	}
	for x > 0 {
		rev = append(rev, edit{opEqual, a[x-1]})
		x--
	}
	out := make([]edit, len(rev))
	for i, e := range rev {
		out[len(rev)-1-i] = e
	}
	return out
}

func replaceAll(a, b []string) []edit {
	out := make([]edit, 0, len(a)+len(b))
	for _, l := range a {
		out = append(out, edit{opDelete, l})
	}
	for _, l := range b {
		out = append(out, edit{opInsert, l})
	}
	return out
}

type hunk struct {
	oldStart, oldLen, newStart, newLen int // starts count from 1
	edits                              []edit
}

// hunks groups changes with diffContext lines of context around them;
// changes closer than twice the context share a hunk.
func hunks(edits []edit) []hunk {
	var out []hunk
	oldLine, newLine := 1, 1 // line numbers of edits[i] on each side
	oldAt := make([]int, len(edits))
	newAt := make([]int, len(edits))
	for i, e := range edits {
		oldAt[i], newAt[i] = oldLine, newLine
		if e.op != opInsert {
			oldLine++
		}
		if e.op != opDelete {
			newLine++
		}
	}
	i := 0
	for i < len(edits) {
		for i < len(edits) && edits[i].op == opEqual {
			i++
		}
		if i == len(edits) {
			break
		}
		start := max(0, i-diffContext)
		end := i // one past the last change of the hunk
		for j := i; j < len(edits); j++ {
			if edits[j].op != opEqual {
				end = j + 1
			} else if j-end >= 2*diffContext {
				break
			}
		}
		stop := min(len(edits), end+diffContext)
		h := hunk{oldStart: oldAt[start], newStart: newAt[start], edits: edits[start:stop]}
		for _, e := range h.edits {
			if e.op != opInsert {
				h.oldLen++
			}
			if e.op != opDelete {
				h.newLen++
			}
		}
		out = append(out, h)
		i = stop
	}
	return out
}

// hunkRange prints a hunk's range as GNU diff does: an empty range names
// the line before it, and a length of one is left out.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start-1)
	case 1:
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}
