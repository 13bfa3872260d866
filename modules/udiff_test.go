package modules

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/redact"
)

func TestUnifiedDiffFormat(t *testing.T) {
	tests := []struct {
		name, old, new string
		exists         bool
		want           string
	}{
		{"equal", "a\n", "a\n", true, ""},
		{"new file", "", "a\nb\n", false, "--- /dev/null\n+++ /f\n@@ -0,0 +1,2 @@\n+a\n+b\n"},
		{"emptied", "a\n", "", true, "--- /f\n+++ /f\n@@ -1 +0,0 @@\n-a\n"},
		{"one line", "1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\nfive\n6\n7\n8\n", true,
			"--- /f\n+++ /f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"},
		{"no newline at end", "a\nb", "a\nb\nc\n", true,
			"--- /f\n+++ /f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n"},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "x\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ny\n", true,
			"--- /f\n+++ /f\n@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n 4\n@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+y\n"},
		{"binary", "a\x00b", "c", true, "binary content: 3 → 1 bytes\n"},
	}
	for _, tt := range tests {
		if got := unifiedDiff("/f", tt.old, tt.new, tt.exists); got != tt.want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", tt.name, got, tt.want)
		}
	}
}

// TestUnifiedDiffApplies checks random diffs with GNU patch where it is
// installed, and with the edit script itself everywhere.
func TestUnifiedDiffApplies(t *testing.T) {
	patch, _ := exec.LookPath("patch")
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "b", "c", "d", "", "a b"}
	text := func() string {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(words[rng.IntN(len(words))] + "\n")
		}
		if rng.IntN(4) == 0 {
			b.WriteString("tail")
		}
		return b.String()
	}
	dir := t.TempDir()
	for i := range 300 {
		old, new := text(), text()
		edits := diffLines(splitLines(old), splitLines(new))
		var gotOld, gotNew strings.Builder
		for _, e := range edits {
			if e.op != opInsert {
				gotOld.WriteString(e.line)
			}
			if e.op != opDelete {
				gotNew.WriteString(e.line)
			}
		}
		if gotOld.String() != old || gotNew.String() != new {
			t.Fatalf("case %d: the edit script does not rebuild the texts", i)
		}
		if patch == "" || old == new {
			continue
		}
		f := filepath.Join(dir, "f"+strconv.Itoa(i))
		if err := os.WriteFile(f, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(patch, "-s", "--no-backup-if-mismatch", f)
		cmd.Stdin = strings.NewReader(unifiedDiff(f, old, new, true))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("case %d: patch: %v: %s\nold %q\nnew %q\ndiff:\n%s", i, err, out, old, new, unifiedDiff(f, old, new, true))
		}
		if b, _ := os.ReadFile(f); string(b) != new {
			t.Fatalf("case %d: patched %q, want %q", i, b, new)
		}
	}
}

func TestUnifiedDiffIsMinimal(t *testing.T) {
	a := splitLines("a\nb\nc\na\nb\nb\na\n")
	b := splitLines("c\nb\na\nb\na\nc\n")
	n := 0
	for _, e := range diffLines(a, b) {
		if e.op != opEqual {
			n++
		}
	}
	if n != 5 { // the shortest edit script of Myers' paper example
		t.Errorf("%d edits, want 5", n)
	}
}

func TestUnifiedDiffIsCut(t *testing.T) {
	d := unifiedDiff("/f", "", strings.Repeat("x\n", 1000), false)
	if n := strings.Count(d, "\n+x"); n != maxDiffLines {
		t.Errorf("%d lines shown, want %d", n, maxDiffLines)
	}
	if !strings.Contains(d, "diff cut at") {
		t.Error("the cut is not said")
	}
}

func TestUnifiedDiffBeyondTheSearchBound(t *testing.T) {
	var a, b []string
	for i := range 800 {
		a = append(a, "a"+strconv.Itoa(i)+"\n")
		b = append(b, "b"+strconv.Itoa(i)+"\n")
	}
	b = append(b, a[len(a)-1]) // a common tail, set aside before the search
	edits := diffLines(a, b)
	if len(edits) != len(a)+len(b)-1 {
		t.Fatalf("%d edits, want %d", len(edits), len(a)+len(b)-1)
	}
	if edits[len(edits)-1].op != opEqual {
		t.Error("the common tail is not kept as context")
	}
}

// TestHiddenDiffShowsNoContent: the diffs this package writes, hidden as
// a step that uses a secret has them hidden, keep no line of either
// side, and count the lines changed (generated texts, fixed seed).
func TestHiddenDiffShowsNoContent(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 21))
	text := func(n int) []string {
		lines := make([]string, n)
		for i := range lines {
			lines[i] = fmt.Sprintf("secret-line-%d-%d", rng.IntN(4), rng.IntN(1000))
		}
		return lines
	}
	for i := range 300 {
		old, new := text(rng.IntN(40)), text(rng.IntN(40))
		if rng.IntN(5) == 0 {
			new = append(text(0), old...)
			new = append(new[:len(new)/2], append(text(400), new[len(new)/2:]...)...) // cut at maxDiffLines
		}
		oldText, newText := strings.Join(old, "\n"), strings.Join(new, "\n")
		if rng.IntN(2) == 0 {
			oldText += "\n"
		}
		diff := unifiedDiff("/etc/app.conf", oldText, newText, rng.IntN(4) > 0)
		hidden := redact.HideContents(diff)
		if strings.Contains(hidden, "secret-line-") {
			t.Fatalf("case %d: content left in\n%s\nfrom\n%s", i, hidden, diff)
		}
		if diff != "" && !strings.Contains(hidden, "(contents not shown") {
			t.Fatalf("case %d: no note of the hidden contents:\n%s", i, hidden)
		}
	}
}
