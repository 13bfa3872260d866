package shell

import (
	"os/exec"
	"testing"
)

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "''"},
		{"sb-hello", "sb-hello"},
		{"name=1.0-r0", "name=1.0-r0"},
		{"/etc/apk/world", "/etc/apk/world"},
		{"two words", "'two words'"},
		{"it's", `'it'\''s'`},
		{"$HOME", "'$HOME'"},
		{"`id`", "'`id`'"},
		{"a\nb", "'a\nb'"},
		{"*", "'*'"},
		{"-n", "-n"},
	}
	for _, tt := range tests {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestQuoteRoundTrip feeds quoted words to a real POSIX shell and checks
// that every byte comes back unchanged.
func TestQuoteRoundTrip(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh on PATH")
	}
	inputs := []string{
		"plain", "with space", "it's", `back\slash`, "$(id)", "`id`", "$HOME",
		"new\nline", "tab\there", `"double"`, "'", "''", "*?[a]", "~", "#hash",
		"semi;colon", "a&&b", "ünïcödé", "\x01\x7f", "-e", "--", "!bang",
	}
	for _, in := range inputs {
		out, err := exec.Command(sh, "-c", `printf '%s' `+Quote(in)).Output()
		if err != nil {
			t.Fatalf("sh with %q: %v", in, err)
		}
		if string(out) != in {
			t.Errorf("round trip of %q gave %q", in, out)
		}
	}
}
