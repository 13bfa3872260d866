package shell

import (
	"os/exec"
	"testing"
)

func TestReadWord(t *testing.T) {
	tests := []struct {
		in, value, rest string
		ok              bool
	}{
		{"plain", "plain", "", true},
		{"a b", "a", " b", true},
		{`'x y'z`, "x yz", "", true},
		{`"x y" # c`, "x y", " # c", true},
		{`"a\"b\\c\d"`, `a"b\c\d`, "", true},
		{`a\ b`, "a b", "", true},
		{`x;y`, "x", ";y", true},
		{"", "", "", true},
		{"$HOME", "", "$HOME", false},
		{`"$x"`, "", `"$x"`, false},
		{"`id`", "", "`id`", false},
		{"'$x'", "$x", "", true},
		{"~/x", "", "~/x", false},
		{`"open`, "", `"open`, false},
		{`'open`, "", `'open`, false},
		{`a\`, "", `a\`, false},
	}
	for _, tt := range tests {
		v, rest, ok := ReadWord(tt.in)
		if v != tt.value || rest != tt.rest || ok != tt.ok {
			t.Errorf("ReadWord(%q) = %q, %q, %v; want %q, %q, %v", tt.in, v, rest, ok, tt.value, tt.rest, tt.ok)
		}
	}
}

// TestReadWordAgreesWithSh: what ReadWord calls literal, a real POSIX
// shell reads the same way as an assignment's value; and every word
// Quote writes reads back whole.
func TestReadWordAgreesWithSh(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh on PATH")
	}
	words := []string{`"a b"`, `'it'\''s'`, `x\ y`, `"q\"\\\$"`, `a"b"'c'`, `"\a\n"`, `'\n'`, `"*"`, `*`, `[a]`, `"#x"`, `a#b`}
	for _, s := range []string{"", "with space", "it's", "$HOME", "`id`", "new\nline", `back\slash`, "ünï", "*?"} {
		words = append(words, Quote(s))
		if v, rest, ok := ReadWord(Quote(s)); !ok || rest != "" || v != s {
			t.Errorf("ReadWord(Quote(%q)) = %q, %q, %v", s, v, rest, ok)
		}
	}
	for _, w := range words {
		v, rest, ok := ReadWord(w)
		if !ok || rest != "" {
			t.Errorf("ReadWord(%s) = %q, %q, %v", w, v, rest, ok)
			continue
		}
		out, err := exec.Command(sh, "-c", "x="+w+"\nprintf %s \"$x\"").Output()
		if err != nil {
			t.Fatalf("sh with %s: %v", w, err)
		}
		if string(out) != v {
			t.Errorf("%s: ReadWord says %q, sh says %q", w, v, out)
		}
	}
}
