// Package shell builds command lines for the target's POSIX shell
// (BusyBox ash on Alpine). Nothing here assumes bash.
package shell

import "strings"

// Quote returns s as one shell word that the shell reads back byte for
// byte: single quotes keep everything literal, and a single quote inside
// is closed, escaped and reopened.
func Quote(s string) string {
	if s == "" {
		return "''"
	}
	if isSafe(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Join quotes every argument and joins them with spaces.
func Join(args ...string) string {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = Quote(a)
	}
	return strings.Join(quoted, " ")
}

// isSafe reports whether s needs no quoting at all, which keeps plain
// command lines readable in plans and logs.
func isSafe(s string) bool {
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case strings.ContainsRune("-_./=:,+@%", r):
		default:
			return false
		}
	}
	return true
}
