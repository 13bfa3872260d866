package inventory

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
)

type termKind int

const (
	kindAll termKind = iota
	kindName
	kindGlob
	kindRegex
	kindHost // one host, by its exact name (a host list file)
)

// term is one element of a host pattern: web, &prod, !db-01, web*, ~re.
type term struct {
	op   byte   // 0 (union), '&' (intersection) or '!' (exclusion)
	text string // as written, for messages
	body string // without the operator
	kind termKind
	re   *regexp.Regexp
}

// parsePatterns splits and parses patterns as Ansible writes them:
// "a,b" or "a:b" (a comma-separated pattern is not split on colons, so
// that a regular expression may hold one), &g, !g, globs, ~regex and
// @FILE, whose lines are patterns too.
func parsePatterns(patterns []string, readFile func(string) ([]byte, error)) ([]term, error) {
	var terms []term
	for _, p := range patterns {
		for _, raw := range splitPattern(p) {
			raw = strings.TrimSpace(raw)
			if raw == "" {
				continue
			}
			if raw[0] != '@' {
				t, err := parseTerm(raw)
				if err != nil {
					return nil, err
				}
				terms = append(terms, t)
				continue
			}
			name := raw[1:]
			if name == "" {
				return nil, errors.New(`"@" needs a file name: @FILE reads the hosts of a file, one per line`)
			}
			b, err := readFile(name)
			if err != nil {
				return nil, fmt.Errorf("reading the hosts of %s: %w", raw, err)
			}
			if hosts, ok, err := ParseHostList(b); ok {
				if err != nil {
					return nil, fmt.Errorf("%s: %w", name, err)
				}
				for _, h := range hosts {
					terms = append(terms, term{text: strconv.Quote(h), body: h, kind: kindHost})
				}
				continue
			}
			for _, line := range strings.Split(string(b), "\n") {
				if line = strings.TrimSpace(line); line == "" {
					continue
				}
				t, err := parseTerm(line)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", name, err)
				}
				terms = append(terms, t)
			}
		}
	}
	return terms, nil
}

// splitPattern splits on commas, or else on colons outside brackets.
func splitPattern(p string) []string {
	if strings.Contains(p, ",") {
		return strings.Split(p, ",")
	}
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '[':
			depth++
		case ']':
			depth = max(depth-1, 0)
		case ':':
			if depth == 0 {
				parts = append(parts, p[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, p[start:])
}

func parseTerm(raw string) (term, error) {
	t := term{text: raw, body: raw, kind: kindName}
	if raw[0] == '&' || raw[0] == '!' {
		t.op, t.body = raw[0], raw[1:]
	}
	switch {
	case t.body == "":
		return t, fmt.Errorf("pattern %q: %q must be followed by a host, a group or a pattern", raw, string(t.op))
	case strings.ContainsAny(t.body, " \t\r\n"):
		return t, fmt.Errorf("pattern %q contains a space; separate patterns with a comma or a colon", raw)
	case t.body == "all" || t.body == "*":
		t.kind = kindAll
	case t.body[0] == '~':
		if len(t.body) == 1 {
			return t, fmt.Errorf("pattern %q: ~ must be followed by a regular expression", raw)
		}
		// Anchored at the start only, like Python's re.match in Ansible.
		re, err := regexp.Compile(`^(?:` + t.body[1:] + `)`)
		if err != nil {
			return t, fmt.Errorf("pattern %q is not a valid regular expression: %v", raw, err)
		}
		t.kind, t.re = kindRegex, re
	case strings.ContainsAny(t.body, "*?["):
		if _, err := path.Match(t.body, ""); err != nil {
			return t, fmt.Errorf("pattern %q is not a valid glob: a [ is unclosed, or a \\ ends it", raw)
		}
		t.kind = kindGlob
	}
	return t, nil
}

func (t term) matches(name string) bool {
	switch t.kind {
	case kindName, kindHost:
		return name == t.body
	case kindGlob:
		ok, _ := path.Match(t.body, name)
		return ok
	case kindRegex:
		return t.re.MatchString(name)
	}
	return true
}

// evaluate applies terms in Ansible's order: unions first, then
// intersections, then exclusions, whatever order they are written in;
// with only & and ! terms, they apply to all hosts.
func (inv *Inventory) evaluate(terms []term) (map[*Host]bool, error) {
	byName := make(map[string]*Host, len(inv.Hosts))
	for _, h := range inv.Hosts {
		byName[h.Name] = h
	}
	var union, and, not []term
	for _, t := range terms {
		switch t.op {
		case '&':
			and = append(and, t)
		case '!':
			not = append(not, t)
		default:
			union = append(union, t)
		}
	}
	if len(union) == 0 && len(terms) > 0 {
		union = []term{{text: "all", body: "all", kind: kindAll}}
	}
	result := map[*Host]bool{}
	for _, t := range union {
		hs, err := inv.match(t, byName)
		if err != nil {
			return nil, err
		}
		for h := range hs {
			result[h] = true
		}
	}
	for _, t := range and {
		hs, err := inv.match(t, byName)
		if err != nil {
			return nil, err
		}
		for h := range result {
			if !hs[h] {
				delete(result, h)
			}
		}
	}
	for _, t := range not {
		hs, err := inv.match(t, byName)
		if err != nil {
			return nil, err
		}
		for h := range hs {
			delete(result, h)
		}
	}
	return result, nil
}

// match returns the hosts one term names: hosts by name and the hosts of
// groups by name. Globs and regular expressions skip the implicit groups,
// so that a* does not mean "all".
func (inv *Inventory) match(t term, byName map[string]*Host) (map[*Host]bool, error) {
	out := map[*Host]bool{}
	if t.kind == kindAll {
		for _, h := range inv.Hosts {
			out[h] = true
		}
		return out, nil
	}
	found := false
	for _, h := range inv.Hosts {
		if t.matches(h.Name) {
			out[h], found = true, true
		}
	}
	for _, g := range inv.Groups {
		if t.kind == kindHost {
			break
		}
		if t.kind != kindName && (g.Name == "all" || g.Name == "ungrouped") {
			continue
		}
		if !t.matches(g.Name) {
			continue
		}
		found = true
		for _, n := range g.Hosts {
			if h := byName[n]; h != nil {
				out[h] = true
			}
		}
	}
	if !found {
		if t.kind == kindHost {
			return nil, fmt.Errorf("%s has no host named %q", inv.Path, t.body)
		}
		if t.kind == kindName {
			return nil, fmt.Errorf("%s has no host or group named %q", inv.Path, t.body)
		}
		return nil, fmt.Errorf("%s has no host or group matching %q", inv.Path, t.body)
	}
	return out, nil
}
