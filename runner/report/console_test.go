package report

import "testing"

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text\nnext\tline", "plain text\nnext\tline"},
		{"\x1b[31mred\x1b[0m", "?[31mred?[0m"},
		{"bell\a and \r return", "bell? and ? return"},
		{"c1 \u009b csi", "c1 ? csi"},
		{"ünïcödé", "ünïcödé"},
	}
	for _, tt := range tests {
		if got := sanitize(tt.in); got != tt.want {
			t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
