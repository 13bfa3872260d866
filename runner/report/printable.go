package report

// Printable makes text from a host (or recorded from one) safe to print
// on a terminal, as every report does: for commands that print what the
// state store kept.
func Printable(s string) string { return sanitize(s) }
