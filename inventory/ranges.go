package inventory

import (
	"fmt"
	"strconv"
	"strings"
)

// maxExpandedHosts bounds what one host pattern may expand to, so that a
// typo like [1:9999999] is an error rather than an exhausted machine.
const maxExpandedHosts = 100000

// rangeError is a bad host range; start and end are byte offsets into the
// pattern, so that the caller can point at the exact brackets.
type rangeError struct {
	start, end int
	msg        string
}

func (e *rangeError) Error() string { return e.msg }

// expandRanges expands the ranges of a host pattern, as Ansible writes
// them: web[01:20].example.com (numeric, zero padding kept), db-[a:f]
// (letters), web[01:20:2] (a step), and several ranges in one name. A
// name without brackets is returned as it is.
func expandRanges(pattern string) ([]string, *rangeError) {
	open := strings.IndexByte(pattern, '[')
	if open < 0 {
		return []string{pattern}, nil
	}
	rel := strings.IndexByte(pattern[open:], ']')
	if rel < 0 {
		return nil, &rangeError{open, len(pattern), fmt.Sprintf("%q opens a host range with [ but never closes it; a range is written [01:20] or [a:f]", pattern)}
	}
	closing := open + rel
	seq, err := rangeSequence(pattern[open+1 : closing])
	if err != nil {
		return nil, &rangeError{open, closing + 1, fmt.Sprintf("In %q, %s", pattern, err.msg)}
	}
	tails, err := expandRanges(pattern[closing+1:])
	if err != nil {
		err.start += closing + 1
		err.end += closing + 1
		return nil, err
	}
	if len(seq)*len(tails) > maxExpandedHosts {
		return nil, &rangeError{open, len(pattern), fmt.Sprintf("%q expands to %d hosts, more than the %d one pattern may give", pattern, len(seq)*len(tails), maxExpandedHosts)}
	}
	head := pattern[:open]
	out := make([]string, 0, len(seq)*len(tails))
	for _, s := range seq {
		for _, t := range tails {
			out = append(out, head+s+t)
		}
	}
	return out, nil
}

// rangeSequence expands the inside of one pair of brackets.
func rangeSequence(body string) ([]string, *rangeError) {
	parts := strings.Split(body, ":")
	if len(parts) != 2 && len(parts) != 3 {
		return nil, &rangeError{msg: fmt.Sprintf("[%s] is not a host range: write [start:end] or [start:end:step]", body)}
	}
	begin, end := parts[0], parts[1]
	step := 1
	if len(parts) == 3 {
		n, err := strconv.Atoi(parts[2])
		if err != nil || n < 1 {
			return nil, &rangeError{msg: fmt.Sprintf("the step of [%s] must be a whole number of at least 1", body)}
		}
		step = n
	}
	switch {
	case begin == "" || end == "":
		return nil, &rangeError{msg: fmt.Sprintf("[%s] needs both a start and an end, as in [01:20]", body)}
	case isDigits(begin) && isDigits(end):
		return numericSequence(body, begin, end, step)
	case isLetter(begin) && isLetter(end):
		return letterSequence(body, begin[0], end[0], step)
	case (isDigits(begin) && isLetter(end)) || (isLetter(begin) && isDigits(end)):
		return nil, &rangeError{msg: fmt.Sprintf("[%s] mixes a number and a letter; a range is numbers ([01:20]) or letters ([a:f])", body)}
	}
	return nil, &rangeError{msg: fmt.Sprintf("[%s] is not a host range: the ends are numbers ([01:20]) or single letters ([a:f])", body)}
}

func numericSequence(body, begin, end string, step int) ([]string, *rangeError) {
	lo, err1 := strconv.Atoi(begin)
	hi, err2 := strconv.Atoi(end)
	if err1 != nil || err2 != nil {
		return nil, &rangeError{msg: fmt.Sprintf("[%s] gives more than %d hosts", body, maxExpandedHosts)}
	}
	if lo > hi {
		return nil, &rangeError{msg: fmt.Sprintf("[%s] runs backwards; write [%s:%s]", body, end, begin)}
	}
	if (hi-lo)/step >= maxExpandedHosts {
		return nil, &rangeError{msg: fmt.Sprintf("[%s] gives more than %d hosts", body, maxExpandedHosts)}
	}
	width := 0
	if len(begin) > 1 && begin[0] == '0' {
		// A zero-padded start sets the width of every name, so the end
		// must be written with the same number of digits.
		width = len(begin)
		if len(end) != width {
			return nil, &rangeError{msg: fmt.Sprintf("[%s] is zero-padded to %d digits, so its end needs %d digits too", body, width, width)}
		}
	}
	var out []string
	for k := 0; k <= (hi-lo)/step; k++ {
		out = append(out, fmt.Sprintf("%0*d", width, lo+k*step))
	}
	return out, nil
}

func letterSequence(body string, lo, hi byte, step int) ([]string, *rangeError) {
	if isLower(lo) != isLower(hi) {
		return nil, &rangeError{msg: fmt.Sprintf("[%s] mixes lower and upper case letters", body)}
	}
	if lo > hi {
		return nil, &rangeError{msg: fmt.Sprintf("[%s] runs backwards; write [%c:%c]", body, hi, lo)}
	}
	var out []string
	for c := int(lo); c <= int(hi); c += step {
		out = append(out, string(rune(c)))
	}
	return out, nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isLetter(s string) bool {
	return len(s) == 1 && (isLower(s[0]) || (s[0] >= 'A' && s[0] <= 'Z'))
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
