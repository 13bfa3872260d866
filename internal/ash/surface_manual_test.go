package ash

// The surface of bash, read from bash itself on the controller: `help` for
// the builtins and their options, `shopt` and `set -o` for the options,
// and the manual page (bash.1) for the variables, the parameter expansion
// forms, the arithmetic operators, the conditional operators and the
// redirections. The probes of surface_probes_test.go are generated from
// these lists, so a construct the manual names cannot be left unprobed:
// TestSurfaceCoversManual fails when one has no probe.

import (
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// bashOut runs a command under the controller's bash in a clean environment.
func bashOut(t testing.TB, command string) string {
	t.Helper()
	out, err := exec.Command("env", "-i", cleanPath, "bash", "--norc", "--noprofile", "-c", command).Output()
	if err != nil {
		t.Fatalf("bash -c %q: %v", command, err)
	}
	return string(out)
}

// builtinSpec is one builtin and the options `help` lists for it.
type builtinSpec struct {
	Name     string
	Options  []string        // "-a", in the order help gives them
	TakesArg map[string]bool // option → it takes a value
}

var (
	helpOptionLine = regexp.MustCompile(`^\s+-([A-Za-z@])(?: ([a-z][\w-]*))?(?:\t|  |$)`)
	synopsisOption = regexp.MustCompile(`^-([A-Za-z@]+)$`)
)

// manualBuiltins reads every builtin (`compgen -b`) and its options from
// the synopsis and the option list of `help NAME`.
func manualBuiltins(t testing.TB) []builtinSpec {
	t.Helper()
	var specs []builtinSpec
	for _, name := range strings.Fields(bashOut(t, "compgen -b")) {
		help := bashOut(t, "help -m -- '"+name+"'") // -m: manpage-like sections, the synopsis under SYNOPSIS
		syn := bashOut(t, "help -s -- '"+name+"'")
		spec := builtinSpec{Name: name, TakesArg: map[string]bool{}}
		listed := map[string]bool{} // the option list of help says whether it takes a value
		add := func(letter string, arg bool) {
			o := "-" + letter
			if !slices.Contains(spec.Options, o) {
				spec.Options = append(spec.Options, o)
			}
			if arg {
				spec.TakesArg[o] = true
			}
		}
		for _, line := range strings.Split(help, "\n") {
			if m := helpOptionLine.FindStringSubmatch(line); m != nil {
				add(m[1], m[2] != "")
				listed["-"+m[1]] = true
			}
		}
		// The synopsis: "[-ers] [-a array]"; kill's "-sigspec" is a signal, not options.
		syn = strings.NewReplacer("[", " ", "]", " ", "|", " ").Replace(syn)
		fields := strings.Fields(syn)
		for i, f := range fields {
			m := synopsisOption.FindStringSubmatch(f)
			if m == nil || f == "-sigspec" {
				continue
			}
			arg := len(m[1]) == 1 && i+1 < len(fields) && regexp.MustCompile(`^[a-z][a-z_-]*$`).MatchString(fields[i+1]) &&
				!operandWords[fields[i+1]]
			for _, l := range m[1] {
				add(string(l), arg && !listed["-"+string(l)])
			}
		}
		specs = append(specs, spec)
	}
	return specs
}

// operandWords follow options in synopses without being their values.
var operandWords = map[string]bool{"dir": true, "command": true, "arg": true, "limit": true,
	"pid": true, "jobspec": true, "id": true, "format": true, "expr": true, "optname": true, "mode": true, "n": true}

// manualShopt lists the options of shopt.
func manualShopt(t testing.TB) []string {
	var names []string
	for _, line := range strings.Split(bashOut(t, "shopt"), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			names = append(names, f[0])
		}
	}
	return names
}

// manualSetOptions lists the long options of set -o.
func manualSetOptions(t testing.TB) []string {
	var names []string
	for _, line := range strings.Split(bashOut(t, "set -o"), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			names = append(names, f[0])
		}
	}
	return names
}

// manualPage is bash.1 from the controller's bash package.
func manualPage(t testing.TB) []string {
	t.Helper()
	f, err := os.Open("/usr/share/man/man1/bash.1.gz")
	if err != nil {
		t.Fatalf("the bash manual page: %v (Debian's bash package installs it)", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

// section returns the lines of the manual between the .SH or .SS heading
// named title and the next heading of the same or a higher level.
func section(man []string, title string) []string {
	start, level := -1, ""
	for i, l := range man {
		if start < 0 {
			for _, h := range []string{".SH ", ".SS "} {
				if strings.HasPrefix(l, h) && strings.Trim(strings.TrimPrefix(l, h), `"`) == title {
					start, level = i+1, h
				}
			}
			continue
		}
		if strings.HasPrefix(l, ".SH ") || level == ".SS " && strings.HasPrefix(l, ".SS ") {
			return man[start:i]
		}
	}
	if start < 0 {
		return nil
	}
	return man[start:]
}

// roff strips font changes and escapes: "\fB:\-\fP" becomes ":-".
func roff(s string) string {
	s = regexp.MustCompile(`\\f[BIPR]`).ReplaceAllString(s, "")
	return strings.NewReplacer(`\-`, "-", `\(aq`, "'", `\e`, `\`, `\&`, "", `\^`, "", `\|`, "").Replace(s)
}

// termsOf returns the terms of a section's ".TP" lists: the line after
// each .TP, without fonts.
func termsOf(lines []string) []string {
	var terms []string
	for i, l := range lines {
		if l == ".TP" && i+1 < len(lines) {
			terms = append(terms, strings.TrimSpace(roff(strings.TrimPrefix(strings.TrimPrefix(lines[i+1], ".B "), ".BR "))))
		}
	}
	return terms
}

// manualVariables lists the variables of "Shell Variables" and the
// special parameters.
func manualVariables(t testing.TB) []string {
	man := manualPage(t)
	var names []string
	for _, term := range termsOf(section(man, "Shell Variables")) {
		if regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`).MatchString(term) {
			names = append(names, term)
		}
	}
	return names
}

// manualParamForms lists the parameter expansion forms of the manual,
// normalized: "${parameter:-word}", "${!prefix*}", ... and the
// operators of ${parameter@operator}.
func manualParamForms(t testing.TB) []string {
	man := manualPage(t)
	var forms []string
	lines := section(man, "Parameter Expansion")
	for _, l := range lines {
		l = roff(l)
		if strings.HasPrefix(l, "${") {
			f := strings.Fields(l)[0]
			f = strings.TrimRight(f, ".,")
			if !slices.Contains(forms, f) {
				forms = append(forms, f)
			}
		}
	}
	// The operators of ${parameter@operator}: single letters in a .TP list.
	for _, term := range termsOf(lines) {
		if len(term) == 1 {
			forms = append(forms, "${parameter@"+term+"}")
		}
	}
	for _, l := range section(man, "Arrays") {
		l = roff(l)
		for _, m := range regexp.MustCompile(`\$\{[!#]?name\[[^]]*\]\}`).FindAllString(l, -1) {
			if !slices.Contains(forms, m) {
				forms = append(forms, m)
			}
		}
	}
	return forms
}

// manualArithOperators lists the operators of "ARITHMETIC EVALUATION".
func manualArithOperators(t testing.TB) []string {
	var ops []string
	for _, term := range termsOf(section(manualPage(t), "ARITHMETIC EVALUATION")) {
		ops = append(ops, strings.Fields(term)...)
	}
	return ops
}

// manualTestOperators lists the operators of "CONDITIONAL EXPRESSIONS"
// and of `help test`.
func manualTestOperators(t testing.TB) []string {
	var ops []string
	add := func(op string) {
		if !slices.Contains(ops, op) {
			ops = append(ops, op)
		}
	}
	for _, term := range termsOf(section(manualPage(t), "CONDITIONAL EXPRESSIONS")) {
		f := strings.Fields(term)
		switch {
		case len(f) >= 1 && strings.HasPrefix(f[0], "-"):
			add(f[0])
		case len(f) == 3:
			add(f[1])
		}
	}
	for _, line := range strings.Split(bashOut(t, "help test"), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= 2 && strings.HasPrefix(f[0], "-") && strings.ToUpper(f[1]) == f[1]:
			add(f[0])
		case len(f) >= 3 && strings.ToUpper(f[0]) == f[0] && strings.ToUpper(f[2]) == f[2] && regexp.MustCompile(`^(-[a-z]+|[=!<>]+)$`).MatchString(f[1]):
			add(f[1])
		case len(f) >= 2 && f[0] == "!":
			add("!")
		}
	}
	// "arg1 OP arg2 ... OP is one of -eq, -ne, -lt, -le, -gt, or -ge."
	for _, op := range []string{"-eq", "-ne", "-lt", "-le", "-gt", "-ge"} {
		add(op)
	}
	return ops
}

// manualRedirections lists the subsection titles of REDIRECTION.
func manualRedirections(t testing.TB) []string {
	man := manualPage(t)
	var titles []string
	in := false
	for _, l := range man {
		switch {
		case l == ".SH REDIRECTION":
			in = true
		case strings.HasPrefix(l, ".SH "):
			in = false
		case in && strings.HasPrefix(l, ".SS "):
			titles = append(titles, strings.Trim(strings.TrimPrefix(l, ".SS "), `"`))
		}
	}
	return titles
}

// manualCompound lists the subsection titles of SHELL GRAMMAR and
// EXPANSION: pipelines, lists, compound commands, coprocesses, functions,
// and each kind of expansion.
func manualSubsections(t testing.TB, sh string) []string {
	man := manualPage(t)
	var titles []string
	in := false
	for _, l := range man {
		switch {
		case l == ".SH "+sh || l == `.SH "`+sh+`"`:
			in = true
		case strings.HasPrefix(l, ".SH "):
			in = false
		case in && strings.HasPrefix(l, ".SS "):
			titles = append(titles, strings.Trim(strings.TrimPrefix(l, ".SS "), `"`))
		}
	}
	return titles
}
