package inventory

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// Host patterns, for a playbook's hosts and for --limit, read as Ansible's
// InventoryManager reads them:
//
//   - a pattern list is split on commas or, without a comma and unless it
//     is one address (an IPv6 address, web[1:3]), on colons outside
//     brackets and on white space;
//   - unions apply first, then &intersections, then !exclusions, whatever
//     order they are written in; with no union, all is the start;
//   - a host's exact name picks that host; otherwise a pattern matches
//     groups by name (a glob, or ~regex from the start of the name) and
//     gives their hosts, and, when no group matched or the pattern is a
//     glob or regex, hosts by name too (all and ungrouped are groups like
//     the others: a* matches all);
//   - a subscript picks from what matched: web[0], web[-1], web[1:3]
//     (both ends included), web[1:] (to the last);
//   - a pattern that matches nothing is a warning, not an error.

// Select returns the hosts that patterns (a playbook's hosts) match,
// without repeats: in Ansible's order (each pattern's hosts in its
// groups' order) when an Ansible file was read, else in the order the
// HCL inventory declares them. Warnings name patterns that matched
// nothing.
func (inv *Inventory) Select(patterns []string) ([]*Host, []string, error) {
	e := inv.evaluator()
	hosts, err := e.evaluate(patternTerms(splitHostPatterns(patterns)))
	if err != nil {
		return nil, e.warnings, err
	}
	if inv.declaredOrder {
		chosen := map[*Host]bool{}
		for _, h := range hosts {
			chosen[h] = true
		}
		hosts = filterHosts(inv.Hosts, func(h *Host) bool { return chosen[h] })
	}
	return hosts, e.warnings, nil
}

// Limit keeps the hosts that also match patterns, as --limit does, in
// the order hosts has them. Besides Select's patterns, it takes @FILE: a
// pattern per line, or, in a host list file (FormatHostList, as a failed
// run writes one), a host's exact name per line.
func (inv *Inventory) Limit(hosts []*Host, patterns []string) ([]*Host, []string, error) {
	terms, err := limitTerms(patterns, os.ReadFile)
	if err != nil {
		return nil, nil, &limitError{err}
	}
	if len(terms) == 0 {
		return nil, nil, &limitError{errors.New("no pattern given: name hosts, groups or all")}
	}
	e := inv.evaluator()
	allowed, err := e.evaluate(terms)
	if err != nil {
		return nil, e.warnings, &limitError{err}
	}
	ok := map[*Host]bool{}
	for _, h := range allowed {
		ok[h] = true
	}
	var kept []*Host
	for _, h := range hosts {
		if ok[h] {
			kept = append(kept, h)
		}
	}
	return kept, e.warnings, nil
}

type limitError struct{ err error }

func (e *limitError) Error() string { return "--limit: " + e.err.Error() }
func (e *limitError) Unwrap() error { return e.err }

// term is one host pattern, or one host by its exact name (a line of a
// host list file, where "w*" is the host named w*, not a glob).
type term struct {
	pattern string
	exact   bool
}

func patternTerms(patterns []string) []term {
	terms := make([]term, len(patterns))
	for i, p := range patterns {
		terms[i] = term{pattern: p}
	}
	return terms
}

// limitTerms splits --limit patterns, reading @FILE lines as patterns,
// or as exact names in a host list file.
func limitTerms(patterns []string, readFile func(string) ([]byte, error)) ([]term, error) {
	var terms []term
	for _, p := range splitHostPatterns(patterns) {
		if p[0] != '@' {
			terms = append(terms, term{pattern: p})
			continue
		}
		name := p[1:]
		if name == "" {
			return nil, errors.New(`"@" needs a file name: @FILE reads the hosts of a file, one per line`)
		}
		b, err := readFile(name)
		if err != nil {
			return nil, fmt.Errorf("reading the hosts of %s: %w", p, err)
		}
		if names, ok, err := ParseHostList(b); ok {
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			for _, n := range names {
				terms = append(terms, term{pattern: n, exact: true})
			}
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				terms = append(terms, term{pattern: line})
			}
		}
	}
	return terms, nil
}

var patternWords = regexp.MustCompile(`(?:[^\s:\[\]]|\[[^\]]*\])+`)

// splitHostPatterns splits each pattern as Ansible's split_host_pattern.
func splitHostPatterns(patterns []string) []string {
	var out []string
	for _, p := range patterns {
		var parts []string
		switch {
		case strings.Contains(p, ","):
			parts = strings.Split(p, ",")
		default:
			if _, _, ok := parseAddress(p, true); ok {
				parts = []string{p}
			} else {
				parts = patternWords.FindAllString(p, -1)
			}
		}
		for _, part := range parts {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

type evaluator struct {
	inv      *Inventory
	byName   map[string]*Host
	cache    map[string][]*Host
	warnings []string
}

func (inv *Inventory) evaluator() *evaluator {
	e := &evaluator{inv: inv, byName: make(map[string]*Host, len(inv.Hosts)), cache: map[string][]*Host{}}
	for _, h := range inv.Hosts {
		e.byName[h.Name] = h
	}
	return e
}

// evaluate applies terms in Ansible's order and returns the hosts in the
// order they were gathered, without repeats.
func (e *evaluator) evaluate(terms []term) ([]*Host, error) {
	var union, and, not []term
	for _, t := range terms {
		switch {
		case t.exact:
			union = append(union, t)
		case t.pattern == "":
		case t.pattern[0] == '!':
			not = append(not, t)
		case t.pattern[0] == '&':
			and = append(and, t)
		default:
			union = append(union, t)
		}
	}
	if len(union) == 0 {
		union = []term{{pattern: "all"}}
	}
	var hosts []*Host
	for _, t := range append(append(union, and...), not...) {
		if h := e.byName[t.pattern]; h != nil {
			hosts = append(hosts, h)
			continue
		}
		if t.exact {
			e.warnings = append(e.warnings, fmt.Sprintf("a host list names %q, which the inventory does not hold; ignoring it", t.pattern))
			continue
		}
		that, err := e.matchOne(t.pattern)
		if err != nil {
			return nil, err
		}
		in := map[*Host]bool{}
		for _, h := range that {
			in[h] = true
		}
		switch t.pattern[0] {
		case '!':
			hosts = filterHosts(hosts, func(h *Host) bool { return !in[h] })
		case '&':
			hosts = filterHosts(hosts, func(h *Host) bool { return in[h] })
		default:
			have := map[*Host]bool{}
			for _, h := range hosts {
				have[h] = true
			}
			for _, h := range that {
				if !have[h] {
					hosts = append(hosts, h)
				}
			}
		}
	}
	seen := map[*Host]bool{}
	return filterHosts(hosts, func(h *Host) bool {
		if seen[h] {
			return false
		}
		seen[h] = true
		return true
	}), nil
}

func filterHosts(hosts []*Host, keep func(*Host) bool) []*Host {
	var out []*Host
	for _, h := range hosts {
		if keep(h) {
			out = append(out, h)
		}
	}
	return out
}

var subscripted = regexp.MustCompile(`^(.+)\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\]$`)

// matchOne returns what one pattern matches, its subscript applied.
func (e *evaluator) matchOne(pattern string) ([]*Host, error) {
	if pattern[0] == '&' || pattern[0] == '!' {
		if len(pattern) == 1 {
			return nil, fmt.Errorf("%q must be followed by a host, a group or a pattern", pattern)
		}
		pattern = pattern[1:]
	}
	if hosts, ok := e.cache[pattern]; ok {
		return hosts, nil
	}
	expr, sub, err := splitSubscript(pattern)
	if err != nil {
		return nil, err
	}
	hosts, err := e.enumerate(expr)
	if err != nil {
		return nil, err
	}
	if sub != nil && len(hosts) > 0 {
		if sub.sep == "-" {
			e.warnings = append(e.warnings, fmt.Sprintf("%s: use [x:y] inclusive subscripts instead of [x-y]", pattern))
		}
		hosts, err = sub.apply(hosts)
		if err != nil {
			return nil, fmt.Errorf("no hosts matched the subscripted pattern %q: %v", pattern, err)
		}
	}
	e.cache[pattern] = hosts
	return hosts, nil
}

// subscript is [i] (end unset) or [start:end] (end -1 for "to the last").
type subscript struct {
	start  int
	end    *int
	sep    string
	single bool
}

func splitSubscript(pattern string) (string, *subscript, error) {
	if pattern[0] == '~' {
		return pattern, nil, nil
	}
	m := subscripted.FindStringSubmatch(pattern)
	if m == nil {
		return pattern, nil, nil
	}
	if m[2] != "" {
		i, err := strconv.Atoi(m[2])
		if err != nil {
			return "", nil, fmt.Errorf("subscript of %q: %v", pattern, err)
		}
		return m[1], &subscript{start: i, single: true}, nil
	}
	start, err := strconv.Atoi(m[3])
	end := -1
	if err == nil && m[5] != "" {
		end, err = strconv.Atoi(m[5])
	}
	if err != nil {
		return "", nil, fmt.Errorf("subscript of %q: %v", pattern, err)
	}
	return m[1], &subscript{start: start, end: &end, sep: m[4]}, nil
}

// apply picks hosts as Python's indexing and slicing would: [i] counts
// from the end when negative; [a:b] takes a to b inclusive, clamped; an
// end of 0 makes it [a].
func (s *subscript) apply(hosts []*Host) ([]*Host, error) {
	if !s.single && *s.end != 0 {
		end := *s.end
		if end == -1 {
			end = len(hosts) - 1
		}
		lo, hi := min(s.start, len(hosts)), min(end+1, len(hosts))
		if lo >= hi {
			return nil, nil
		}
		return hosts[lo:hi], nil
	}
	i := s.start
	if i < 0 {
		i += len(hosts)
	}
	if i < 0 || i >= len(hosts) {
		return nil, fmt.Errorf("index %d is out of range for %d hosts", s.start, len(hosts))
	}
	return []*Host{hosts[i]}, nil
}

// enumerate returns the hosts of the groups a pattern names, then the
// hosts it names, as Ansible's _enumerate_matches.
func (e *evaluator) enumerate(pattern string) ([]*Host, error) {
	match, err := namePattern(pattern)
	if err != nil {
		return nil, err
	}
	var results []*Host
	matchedGroup := false
	for _, g := range e.inv.Groups {
		if match(g.Name) {
			matchedGroup = true
			for _, n := range g.Hosts {
				results = append(results, e.byName[n])
			}
		}
	}
	if !matchedGroup || pattern[0] == '~' || strings.ContainsAny(pattern, ".?*[") {
		for _, h := range e.inv.Hosts {
			if match(h.Name) {
				results = append(results, h)
			}
		}
	}
	if len(results) == 0 && !matchedGroup && pattern != "all" {
		e.warnings = append(e.warnings, fmt.Sprintf("could not match supplied host pattern, ignoring: %s", pattern))
	}
	return results, nil
}

// namePattern compiles a pattern: ~regex, matched from the start of a
// name as Python's re.match, or a glob as Python's fnmatch.
func namePattern(pattern string) (func(string) bool, error) {
	if pattern[0] == '~' {
		src := pythonRegexp(pattern[1:])
		re, err := regexp.Compile(`^(?:` + src + `)`)
		if err != nil {
			return nil, fmt.Errorf("pattern %q is not a regular expression switchback can read (Go's RE2 syntax, which lacks look-arounds and back-references): %v", pattern, err)
		}
		return re.MatchString, nil
	}
	if !strings.ContainsAny(pattern, "*?[") {
		return func(s string) bool { return s == pattern }, nil
	}
	re := regexp.MustCompile(globRegexp(pattern))
	return re.MatchString, nil
}

// pythonRegexp rewrites the few spellings of Python's regular expressions
// that RE2 writes differently.
func pythonRegexp(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			if s[i+1] == 'Z' {
				b.WriteString(`\z`)
			} else {
				b.WriteString(s[i : i+2])
			}
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// globRegexp translates a glob as Python's fnmatch.translate: * and ?
// match any character (/ included), [abc], [a-z] and [!abc] a set of
// them, and a [ without its ] matches itself. Nothing else is special,
// not even a backslash.
func globRegexp(pat string) string {
	var b strings.Builder
	b.WriteString(`(?s)^`)
	for i := 0; i < len(pat); {
		c := pat[i]
		i++
		switch c {
		case '*':
			for i < len(pat) && pat[i] == '*' {
				i++
			}
			b.WriteString(`.*`)
		case '?':
			b.WriteString(`.`)
		case '[':
			j := i
			if j < len(pat) && pat[j] == '!' {
				j++
			}
			if j < len(pat) && pat[j] == ']' {
				j++
			}
			for j < len(pat) && pat[j] != ']' {
				j++
			}
			if j >= len(pat) {
				b.WriteString(`\[`)
				continue
			}
			b.WriteString(globClass(pat[i:j]))
			i = j + 1
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(`$`)
	return b.String()
}

// globClass writes the inside of a [...] as an RE2 class, member by
// member: single characters and lo-hi ranges (a range running backwards
// is dropped, as Python drops it).
func globClass(body string) string {
	neg := strings.HasPrefix(body, "!")
	if neg {
		body = body[1:]
	}
	runes := []rune(body)
	var members []string
	for i := 0; i < len(runes); i++ {
		if i+2 < len(runes) && runes[i+1] == '-' {
			if runes[i] <= runes[i+2] {
				members = append(members, fmt.Sprintf(`\x{%x}-\x{%x}`, runes[i], runes[i+2]))
			}
			i += 2
			continue
		}
		members = append(members, fmt.Sprintf(`\x{%x}`, runes[i]))
	}
	switch {
	case len(members) == 0 && neg:
		return `.`
	case len(members) == 0:
		return `[^\x00-\x{10FFFF}]`
	case neg:
		return `[^` + strings.Join(members, "") + `]`
	}
	return `[` + strings.Join(members, "") + `]`
}
