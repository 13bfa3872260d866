package inventory

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Ansible's host patterns in inventory files: a host name, IPv4 or IPv6
// address, optionally with ranges ([01:20], [a:f], [1:9:2]) and a port
// (host:port, [IPv6]:port), as its parse_address and
// expand_hostname_range read them. Whatever does not parse as an address
// is kept whole as a host name, as Ansible keeps it.

const (
	numericRange  = `\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\]`
	hexRange      = `\[(?:[0-9a-fA-F]+:[0-9a-fA-F]+)(?::[0-9]+)?\]`
	alphanumRange = `\[(?:[a-zA-Z]:[a-zA-Z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]`
	// Python's \w is Unicode-aware; a label cannot end with _ or -.
	labelStart = `(?:[\p{L}\p{N}_]|` + alphanumRange + `)`
	labelEnd   = `(?:[\p{L}\p{N}]|` + alphanumRange + `)`
	label      = `(?:` + labelEnd + `|` + labelStart + `(?:[\p{L}\p{N}_-]|` + alphanumRange + `)*` + labelEnd + `)`
	ipv4Part   = `(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|` + numericRange + `)`
	ipv6Part   = `(?:[0-9a-fA-F]{1,4}|` + hexRange + `)`
	ipv4Body   = `(?:` + ipv4Part + `\.){3}` + ipv4Part
)

var (
	bracketedHostPort = regexp.MustCompile(`^\[(.+)\]:([0-9]+)$`)
	hostPort          = regexp.MustCompile(`^((?:[^:\[\]]|\[[^\]]*\])*):([0-9]+)$`)
	ipv4Pattern       = regexp.MustCompile(`^` + ipv4Body + `$`)
	// Ansible's pattern anchors only its first alternative with ^ and its
	// last with $, and re.match anchors the rest at the start only: any
	// text that starts like an IPv6 address ("fe80::") passes.
	ipv6Pattern = regexp.MustCompile(`^(?i)(?:` + strings.Join([]string{
		`(?:` + ipv6Part + `:){7}` + ipv6Part,
		`(?:` + ipv6Part + `:){1,6}:`,
		`(?:` + ipv6Part + `:)(?::` + ipv6Part + `){1,6}`,
		`(?:` + ipv6Part + `:){2}(?::` + ipv6Part + `){1,5}`,
		`(?:` + ipv6Part + `:){3}(?::` + ipv6Part + `){1,4}`,
		`(?:` + ipv6Part + `:){4}(?::` + ipv6Part + `){1,3}`,
		`(?:` + ipv6Part + `:){5}(?::` + ipv6Part + `){1,2}`,
		`(?:` + ipv6Part + `:){6}(?::` + ipv6Part + `)`,
		`:(?::` + ipv6Part + `){1,6}`,
		ipv6Part + `?::`,
		`(?:0:){6}(?:` + ipv6Part + `\.){3}` + ipv6Part,
		`::(?:ffff:)?(?:` + ipv6Part + `\.){3}` + ipv6Part,
		`(?:0:){5}ffff:(?:` + ipv6Part + `\.){3}` + ipv6Part + `$`,
	}, "|") + `)`)
	hostnamePattern = regexp.MustCompile(`^(?i)` + label + `(?:\.` + label + `)*$`)
)

// parseAddress splits an address into host and port as Ansible's
// parse_address does; ok is false when it is not a host identifier.
// port is -1 when none is given.
func parseAddress(address string, allowRanges bool) (host string, port int, ok bool) {
	port = -1
	// Like Ansible, both forms are tried in turn on what is left.
	for _, re := range []*regexp.Regexp{bracketedHostPort, hostPort} {
		if m := re.FindStringSubmatch(address); m != nil {
			n, err := strconv.Atoi(m[2])
			if err != nil {
				return "", -1, false
			}
			address, port = m[1], n
		}
	}
	if !ipv4Pattern.MatchString(address) && !ipv6Pattern.MatchString(address) && !hostnamePattern.MatchString(address) {
		return "", -1, false
	}
	if !allowRanges && strings.Contains(address, "[") {
		return "", -1, false
	}
	return address, port, true
}

// expandHostPattern turns an inventory host pattern into host names and
// a port (-1 when none), as Ansible's _expand_hostpattern does.
func expandHostPattern(pattern string) ([]string, int, error) {
	host, port, ok := parseAddress(pattern, true)
	if !ok {
		host, port = pattern, -1
	}
	if !strings.Contains(host, "[") {
		return []string{host}, port, nil
	}
	names, err := expandHostnameRange(host, 0)
	return names, port, err
}

// maxPatternHosts bounds what one pattern may expand to: Ansible has no
// bound, but a typo like [1:9999999] should be an error, not an
// exhausted machine.
const maxPatternHosts = 100000

const asciiLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

// expandHostnameRange expands the first [begin:end(:step)] of line, then
// the ranges of what that gives, as Ansible does: numbers (zero padding
// kept when begin has it), letters a-z then A-Z, an empty begin read as 0,
// and a range that runs backwards giving no host.
func expandHostnameRange(line string, total int) ([]string, error) {
	open := strings.IndexByte(line, '[')
	closing := strings.IndexByte(line, ']')
	if open < 0 || closing < 0 {
		return nil, errors.New("a host range opened with [ is never closed; write [01:20] or [a:f]")
	}
	head, body, tail := line[:open], "", ""
	if closing > open {
		body, tail = line[open+1:closing], line[closing+1:]
	} else {
		// Ansible replaces the first [ and the first ] wherever they are.
		return nil, fmt.Errorf("%q has a ] before its [", line)
	}
	if strings.Contains(body, "[") {
		return nil, fmt.Errorf("%q nests a [ inside a host range", line)
	}
	bounds := strings.Split(body, ":")
	if len(bounds) != 2 && len(bounds) != 3 {
		return nil, fmt.Errorf("the host range [%s] must be begin:end or begin:end:step", body)
	}
	beg, end, stepText := bounds[0], bounds[1], "1"
	if len(bounds) == 3 {
		stepText = bounds[2]
	}
	if beg == "" {
		beg = "0"
	}
	if end == "" {
		return nil, fmt.Errorf("the host range [%s] must give an end", body)
	}
	step, err := pyInt(stepText)
	if err != nil {
		return nil, fmt.Errorf("the step of the host range [%s] is not a number", body)
	}
	if step == 0 {
		return nil, fmt.Errorf("the step of the host range [%s] must not be zero", body)
	}
	width := 0
	if beg[0] == '0' && len(beg) > 1 {
		width = len(beg)
		if len(end) != width {
			return nil, fmt.Errorf("the host range [%s] is zero-padded, so its begin and end need as many digits", body)
		}
	}
	var seq []string
	if iBeg, iEnd := strings.Index(asciiLetters, beg), strings.Index(asciiLetters, end); iBeg >= 0 && iEnd >= 0 {
		if iBeg > iEnd {
			return nil, fmt.Errorf("the host range [%s] must have begin <= end", body)
		}
		if step < 0 {
			return nil, nil
		}
		for i := iBeg; i <= iEnd; i += step {
			seq = append(seq, asciiLetters[i:i+1])
		}
	} else {
		lo, err1 := pyInt(beg)
		hi, err2 := pyInt(end)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("the host range [%s] mixes numbers and letters, or is neither", body)
		}
		if (step > 0 && hi >= lo && (hi-lo)/step >= maxPatternHosts) || (step < 0 && lo >= hi && (lo-hi)/-step >= maxPatternHosts) {
			return nil, fmt.Errorf("the host range [%s] gives more than %d hosts", body, maxPatternHosts)
		}
		// Python's range(lo, hi+1, step).
		for i := lo; (step > 0 && i <= hi) || (step < 0 && i > hi+1); i += step {
			seq = append(seq, zfill(strconv.Itoa(i), width))
		}
	}
	var out []string
	for _, s := range seq {
		name := head + s + tail
		if !strings.Contains(name, "[") {
			out = append(out, name)
			continue
		}
		more, err := expandHostnameRange(name, total+len(out))
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
		if total+len(out) > maxPatternHosts {
			return nil, fmt.Errorf("%q expands to more than %d hosts", line, maxPatternHosts)
		}
	}
	return out, nil
}

// zfill pads s with zeros to width, after its sign, as Python's zfill.
func zfill(s string, width int) string {
	if len(s) >= width {
		return s
	}
	sign := ""
	if s[0] == '-' || s[0] == '+' {
		sign, s = s[:1], s[1:]
	}
	return sign + strings.Repeat("0", width-len(sign)-len(s)) + s
}

// pyInt reads an integer as Python's int() does: white space around,
// a sign, underscores between digits.
func pyInt(s string) (int, error) {
	s = strings.TrimSpace(s)
	t := strings.TrimLeft(s, "+-")
	if len(s)-len(t) > 1 || t == "" || t[0] == '_' || t[len(t)-1] == '_' || strings.Contains(t, "__") {
		return 0, fmt.Errorf("%q is not a whole number", s)
	}
	n, err := strconv.Atoi(strings.ReplaceAll(s, "_", ""))
	if err != nil {
		return 0, fmt.Errorf("%q is not a whole number", s)
	}
	return n, nil
}
