package ash

import (
	_ "embed"
	"regexp"
	"strings"
)

// The help text of the BusyBox applets that stand in for GNU tools on
// Alpine, as printed by `busybox APPLET --help` on a real host and written
// here by TestDeriveTable. Options are read from it, not from a list.
//
//go:embed testdata/applets.txt
var appletsHelp string

// appletSpec is what an applet's help says it accepts.
type appletSpec struct {
	short map[byte]argKind   // -x
	long  map[string]argKind // --name (without the dashes)
	words map[string]argKind // -name: find's primaries, -follow
}

type argKind int

const (
	argNone     argKind = iota
	argNext             // the value is the next argument (or the rest of the cluster)
	argAttached         // an optional value glued to the letter: -i[SFX]
)

// Options that BusyBox accepts although its help does not list them
// (cp --parents, sed --in-place), found by trying on a real host.
//
//go:embed testdata/accepted.txt
var acceptedText string

// applets is parsed once from the embedded files and only read afterwards.
var applets = withAccepted(parseApplets(appletsHelp), acceptedText)

// withAccepted adds the "applet option" lines of the accepted file.
func withAccepted(m map[string]*appletSpec, text string) map[string]*appletSpec {
	for _, line := range strings.Split(text, "\n") {
		name, opt, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || strings.HasPrefix(name, "#") || m[name] == nil {
			continue
		}
		// The value an accepted option may take is unknown; assuming none
		// at worst reports its value as an option, never hides one.
		m[name].addOption(opt, false)
	}
	return m
}

// parseApplets reads the "=== name" sections of the help file.
func parseApplets(text string) map[string]*appletSpec {
	m := map[string]*appletSpec{}
	var name string
	var body []string
	flush := func() {
		if name != "" {
			m[name] = parseHelp(body)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if n, ok := strings.CutPrefix(line, "=== "); ok {
			flush()
			name, body = strings.TrimSpace(n), nil
			continue
		}
		body = append(body, line)
	}
	flush()
	return m
}

var (
	// [-nrE], [-i[SFX]], [-m N], [-A|B|C N] in a usage line.
	usageGroup = regexp.MustCompile(`\[-([A-Za-z0-9]+)(\[[A-Z]+\])?((?:\|[A-Za-z0-9])*)( [A-Z][A-Z_]*)?`)
	// An option's value in a description line: N, FILE, -N[bkm], [-]N[bkm].
	upperArg = regexp.MustCompile(`^(\[-\]|-)?[A-Z][A-Z0-9_]*`)
)

func parseHelp(lines []string) *appletSpec {
	s := &appletSpec{short: map[byte]argKind{}, long: map[string]argKind{}, words: map[string]argKind{}}
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "Usage:") || strings.HasPrefix(t, "or:") {
			for _, g := range usageGroup.FindAllStringSubmatch(t, -1) {
				letters := g[1] + strings.ReplaceAll(g[3], "|", "")
				kind := argNone
				switch {
				case g[2] != "":
					kind = argAttached
				case g[4] != "" && len(letters) <= 3 && (len(g[1]) == 1):
					kind = argNext
				}
				for i := 0; i < len(letters); i++ {
					if _, seen := s.short[letters[i]]; !seen || kind != argNone {
						s.short[letters[i]] = kind
					}
				}
			}
			continue
		}
		if !strings.HasPrefix(t, "-") || !(strings.HasPrefix(line, "\t") || strings.HasPrefix(line, " ")) {
			continue
		}
		s.addDescription(t)
	}
	return s
}

// addDescription reads the option part of a line like "-e CMD\tAdd CMD",
// "-r,-E\tUse extended regex", "-E STR,-e[STR]\t..." or "--color[=WHEN]".
func (s *appletSpec) addDescription(t string) {
	spec := t
	if i := strings.IndexByte(spec, '\t'); i >= 0 {
		spec = spec[:i]
	}
	fields := strings.Fields(spec)
	if len(fields) == 0 {
		return
	}
	// Pieces: options separated by commas, each optionally followed by
	// an upper-case argument name in the next field.
	var opts []string
	var args []bool
	add := func(o string) { opts = append(opts, o); args = append(args, false) }
	for _, o := range strings.Split(fields[0], ",") {
		add(o)
	}
	if len(fields) > 1 && upperArg.MatchString(fields[1]) {
		args[len(args)-1] = true
		if _, more, ok := strings.Cut(fields[1], ",-"); ok {
			for _, o := range strings.Split("-"+more, ",") {
				add(o)
			}
		}
	}
	for i, o := range opts {
		s.addOption(o, args[i])
	}
}

func (s *appletSpec) addOption(o string, takesArg bool) {
	kind := argNone
	if takesArg {
		kind = argNext
	}
	if base, _, ok := strings.Cut(o, "["); ok {
		o = base
		if !takesArg {
			kind = argAttached
		}
	}
	if base, _, ok := strings.Cut(o, "="); ok {
		o, kind = base, argAttached
	}
	// An option described twice ("-n N", then "-n -N") keeps the value
	// it takes in either description.
	keep := func(m map[string]argKind, k string) {
		if old, ok := m[k]; !ok || kind != argNone || old == argNone {
			m[k] = kind
		}
	}
	switch {
	case strings.HasPrefix(o, "--") && len(o) > 2:
		keep(s.long, o[2:])
	case len(o) == 2 && o[0] == '-':
		if old, ok := s.short[o[1]]; !ok || kind != argNone || old == argNone {
			s.short[o[1]] = kind
		}
	case len(o) > 2 && o[0] == '-':
		keep(s.words, o)
	}
}

// unknownOptions returns the arguments (with their index) that the
// applet's help does not list. Values of options that take one are
// skipped; "--" ends the options.
func (s *appletSpec) unknownOptions(args []string) []int {
	var bad []int
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return bad
		case strings.HasPrefix(a, "--"):
			name, _, hasValue := strings.Cut(a[2:], "=")
			if strings.Contains(name, unknown) {
				continue
			}
			kind, ok := s.long[name]
			if !ok {
				bad = append(bad, i)
			} else if kind == argNext && !hasValue {
				i++
			}
		case len(a) > 1 && a[0] == '-' && !isNumber(a[1:]):
			for j := 1; j < len(a) && a[j] != 0; j++ {
				kind, ok := s.short[a[j]]
				if !ok {
					bad = append(bad, i)
					break
				}
				if kind == argAttached {
					break
				}
				if kind == argNext {
					if j == len(a)-1 {
						i++
					}
					break
				}
			}
		}
	}
	return bad
}

func isNumber(s string) bool {
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
