package inventory

import (
	"fmt"
	"strconv"
	"strings"
)

// HostListHeader starts a host list file: a list of exact host names
// (one per line), not of patterns. switchback writes the hosts a run
// left failed or unreachable in one, for --limit @FILE; a name such as
// "web*" or "db 1" then selects that host alone.
const HostListHeader = "# switchback host list: exact names, one per line"

// FormatHostList writes names as a host list file, after the header and
// a comment. A name that a line could not hold as it is (a newline, a
// blank at either end, a leading " or #) is written as a Go string.
func FormatHostList(comment string, names []string) []byte {
	var b strings.Builder
	b.WriteString(HostListHeader + "\n")
	for _, l := range strings.Split(comment, "\n") {
		if l != "" {
			b.WriteString("# " + l + "\n")
		}
	}
	for _, n := range names {
		if n == "" || n != strings.TrimSpace(n) || strings.ContainsAny(n, "\n\r") || n[0] == '"' || n[0] == '#' {
			n = strconv.Quote(n)
		}
		b.WriteString(n + "\n")
	}
	return []byte(b.String())
}

// ParseHostList reads a host list file; ok is false when b does not
// start with HostListHeader (a file of patterns).
func ParseHostList(b []byte) (names []string, ok bool, err error) {
	text := string(b)
	if !strings.HasPrefix(text, HostListHeader+"\n") && text != HostListHeader {
		return nil, false, nil
	}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '"':
			n, err := strconv.Unquote(line)
			if err != nil {
				return nil, true, fmt.Errorf("line %d: %s is not a quoted host name", i+1, line)
			}
			names = append(names, n)
		default:
			names = append(names, line)
		}
	}
	return names, true, nil
}
