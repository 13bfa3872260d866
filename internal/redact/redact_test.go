package redact

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/switchbackhq/switchback/internal/shell"
)

// TestEveryRenderingHidden: a generated secret (quotes, tabs, backslashes,
// newlines, non-ASCII, template markers), written into a longer text by
// each way text is made (as it is, %q, %+q, JSON, shell quoting, and one
// inside another), is hidden whole: neither the secret nor its escaped
// form is left.
func TestEveryRenderingHidden(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 21))
	pieces := []string{"a", "Z", "7", "\"", "'", "\\", "\t", "\n", "é", "€", "${x}", "%{", " ", "-", "<", "&"}
	renderers := map[string]func(string) string{
		"plain":             func(s string) string { return s },
		"%q":                strconv.Quote,
		"%+q":               strconv.QuoteToASCII,
		"json":              func(s string) string { b, _ := json.Marshal(s); return string(b) },
		"shell":             shell.Quote,
		"json in shell":     func(s string) string { b, _ := json.Marshal(map[string]string{"pw": s}); return shell.Quote(string(b)) },
		"shell in %q":       func(s string) string { return strconv.Quote("run: echo " + shell.Quote(s)) },
		"%q in json":        func(s string) string { b, _ := json.Marshal(strconv.Quote(s)); return string(b) },
		"hcl":               func(s string) string { return `"` + hclEscape(s) + `"` },
		"diff of its lines": func(s string) string { return "+" + strings.ReplaceAll(s, "\n", "\n+") },
	}
	for i := range 400 {
		var b strings.Builder
		for b.Len() < MinLen || rng.IntN(3) > 0 {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		secret := "k" + b.String() + "q" // not starting or ending with an escape's neighbour
		r := New([]string{secret})
		for name, render := range renderers {
			text := render("before " + secret + " after")
			got := r.Text(text)
			if strings.Contains(got, secret) || !strings.Contains(got, Masked) {
				t.Fatalf("case %d, %s: %q shows through in %q (from %q)", i, name, secret, got, text)
			}
			for _, f := range Forms(secret) {
				if strings.Contains(got, f) {
					t.Fatalf("case %d, %s: the form %q of %q is left in %q", i, name, f, secret, got)
				}
			}
			if !r.Holds(text) {
				t.Fatalf("case %d, %s: Holds misses %q in %q", i, name, secret, text)
			}
		}
	}
}

// TestShortValuesHideNothing: a value shorter than MinLen (the "1" of a
// split secret) is not looked for, so unrelated text keeps its 1s.
func TestShortValuesHideNothing(t *testing.T) {
	r := New([]string{"1", "ab", "xyz", "", "    "})
	text := "@@ -1,3 +1,4 @@\n+port=1\nab xyz\n"
	if got := r.Text(text); got != text || r.Holds(text) || !r.Empty() {
		t.Errorf("Text = %q", got)
	}
}

// TestLongestFirst: a value holding another is hidden whole, and a value
// that reads like part of the mask does not break it.
func TestLongestFirst(t *testing.T) {
	r := New([]string{"abcd", "abcdefg", "sensitive"})
	if got := r.Text("x abcdefg y abcd z sensitive"); got != fmt.Sprintf("x %s y %s z %s", Masked, Masked, Masked) {
		t.Errorf("got %q", got)
	}
}

func TestHideContents(t *testing.T) {
	diff := "~ file /etc/app.conf\n--- /etc/app.conf\n+++ /etc/app.conf\n@@ -1,3 +1,3 @@\n user=app\n-password=old\n+password=new\n port=1\n\\ No newline at end of file\n~ app: restart\n"
	want := "~ file /etc/app.conf\n--- /etc/app.conf\n+++ /etc/app.conf\n  (contents not shown: they hold a sensitive value; 1 line(s) removed, 1 added)\n~ app: restart\n"
	if got := HideContents(diff); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := HideContents("+ a line about the step\n"); got != "+ a line about the step\n" {
		t.Errorf("a diff with no file part changed: %q", got)
	}
}
