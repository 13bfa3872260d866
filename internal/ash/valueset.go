package ash

import (
	"slices"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// Values a script gives its variables. A variable that holds a command
// or an option (`SHA256=sha256sum`, `PYTHON=${PYTHON:-python3}`) is
// judged by every value it can hold: each literal assignment, each
// default of `${V:-lit}`, `${V-lit}`, `${V:=lit}` (what the host has
// unless someone sets it), each word of a `for` over literal words. Both
// arms of `check && V=a || V=b` and of if/else are assignments like any
// other. A variable with one value the script only learns at run time
// (`$(cmd)`, `read`, an expansion) is not judged at all.

// valueSets are the values of each variable whose values are all known,
// in the order the script first gives them, and the names of the
// variables that get a value only the run knows.
type valueSets struct {
	known   map[string][]string
	runtime map[string]bool
	// positional are the values of $1, $2... at the top level after the
	// script's own `set -- words` (positionalValues).
	positional map[*syntax.ParamExp][]string
}

// source is one way the script gives a variable a value: a literal, or
// the value of another variable with a literal default (`${W:-lit}`).
type source struct {
	lit     string
	ref     string // W of ${W:-lit}; "" for a plain literal
	unknown bool
}

func scriptValues(f *syntax.File) valueSets {
	srcs := map[string][]source{}
	add := func(name string, s source) { srcs[name] = append(srcs[name], s) }
	positional := positionalValues(f)
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Assign:
			if n.Name == nil {
				return true
			}
			if n.Value == nil && !n.Naked && n.Array == nil && n.Index == nil && !n.Append {
				add(n.Name.Value, source{}) // SUDO=: empty
				return true
			}
			if n.Value == nil || n.Array != nil || n.Index != nil || n.Append {
				add(n.Name.Value, source{unknown: true})
				return true
			}
			if p := soleParam(n.Value); p != nil && positional[p] != nil {
				for _, v := range positional[p] {
					add(n.Name.Value, source{lit: v}) // date2="$2" after set -- a "March 1 2024"
				}
				return true
			}
			add(n.Name.Value, wordSource(n.Value))
		case *syntax.WordIter:
			if len(n.Items) == 0 {
				add(n.Name.Value, source{unknown: true})
			}
			for _, w := range n.Items {
				s, ok := literal(w)
				if !ok || strings.ContainsAny(partialUnquoted(w), "*?[{") {
					add(n.Name.Value, source{unknown: true})
					continue
				}
				for _, field := range strings.Fields(s) {
					add(n.Name.Value, source{lit: field})
				}
			}
		case *syntax.ParamExp:
			// ${V:=lit} gives V the default when it is unset.
			if n.Param != nil && n.Exp != nil && (n.Exp.Op == syntax.AssignUnset || n.Exp.Op == syntax.AssignUnsetOrNull) {
				if n.Exp.Word == nil {
					add(n.Param.Value, source{})
				} else if s, ok := literal(n.Exp.Word); ok {
					add(n.Param.Value, source{lit: s})
				} else {
					add(n.Param.Value, source{unknown: true})
				}
			}
		case *syntax.CallExpr:
			if len(n.Args) > 1 {
				switch n.Args[0].Lit() {
				case "read", "getopts", "mapfile", "readarray", "printf", "unset", "select":
					for _, w := range n.Args[1:] {
						if name := w.Lit(); name != "" {
							add(name, source{unknown: true})
						}
					}
				}
			}
		}
		return true
	})
	vs := valueSets{known: map[string][]string{}, runtime: map[string]bool{}, positional: positional}
	var resolve func(name string, seen map[string]bool) ([]string, bool)
	resolve = func(name string, seen map[string]bool) ([]string, bool) {
		if seen[name] {
			return nil, true // V=${V:-lit}: the environment's value, which only the run knows
		}
		seen[name] = true
		var out []string
		for _, s := range srcs[name] {
			switch {
			case s.unknown:
				return nil, false
			case s.ref != "":
				vals, ok := resolve(s.ref, seen)
				if !ok {
					return nil, false
				}
				out = append(out, vals...)
				out = append(out, s.lit)
			default:
				out = append(out, s.lit)
			}
		}
		return out, true
	}
	for name := range srcs {
		vals, ok := resolve(name, map[string]bool{})
		if !ok || len(vals) == 0 {
			vs.runtime[name] = true
			continue
		}
		var uniq []string
		for _, v := range vals {
			if !slices.Contains(uniq, v) {
				uniq = append(uniq, v)
			}
		}
		vs.known[name] = uniq
	}
	return vs
}

// wordSource is what an assignment's value gives: a literal, a default
// (`${W:-lit}`, quoted or not), or something only the run knows.
func wordSource(w *syntax.Word) source {
	if s, ok := literal(w); ok {
		return source{lit: s}
	}
	if p := soleParam(w); p != nil && p.Param != nil && p.Exp != nil && p.Index == nil && !p.Excl && !p.Length {
		switch p.Exp.Op {
		case syntax.DefaultUnset, syntax.DefaultUnsetOrNull, syntax.AssignUnset, syntax.AssignUnsetOrNull:
			def := ""
			if p.Exp.Word != nil {
				var ok bool
				if def, ok = literal(p.Exp.Word); !ok {
					return source{unknown: true}
				}
			}
			return source{lit: def, ref: p.Param.Value}
		}
	}
	return source{unknown: true}
}

// of is every value a word can have: its literal text, or each value of
// its text with each expansion replaced by the values it can have
// ("$V", ${V:-lit}, "--date=$2", "$DIR/bin/tool"); nil when only the run
// knows one of them.
func (vs valueSets) of(w *syntax.Word) []string {
	if l, ok := literal(w); ok {
		return []string{l}
	}
	return vs.expand(w.Parts)
}

// maxValues bounds the values of a word made of several expansions.
const maxValues = 16

// expand is every text a sequence of word parts can have.
func (vs valueSets) expand(parts []syntax.WordPart) []string {
	out := []string{""}
	for _, part := range parts {
		var vals []string
		switch p := part.(type) {
		case *syntax.Lit:
			vals = []string{p.Value}
		case *syntax.SglQuoted:
			if p.Dollar {
				return nil
			}
			vals = []string{p.Value}
		case *syntax.DblQuoted:
			vals = vs.expand(p.Parts)
		case *syntax.ParamExp:
			vals = vs.param(p)
		}
		if len(vals) == 0 || len(out)*len(vals) > maxValues {
			return nil
		}
		var next []string
		for _, o := range out {
			for _, v := range vals {
				next = append(next, o+v)
			}
		}
		out = next
	}
	return out
}

// param is every value an expansion can have: the variable's, with its
// literal default; a positional parameter's after the script's set --.
func (vs valueSets) param(p *syntax.ParamExp) []string {
	if p.Param == nil || p.Repl != nil || p.Slice != nil || p.Index != nil || p.Length || p.Excl {
		return nil
	}
	if vals, ok := vs.positional[p]; ok {
		return vals
	}
	vals := vs.known[p.Param.Value]
	if p.Exp == nil {
		return vals
	}
	switch p.Exp.Op {
	case syntax.DefaultUnset, syntax.DefaultUnsetOrNull, syntax.AssignUnset, syntax.AssignUnsetOrNull:
		def := ""
		if p.Exp.Word != nil {
			var ok bool
			if def, ok = literal(p.Exp.Word); !ok {
				return nil
			}
		}
		if vs.runtime[p.Param.Value] {
			return nil
		}
		if !slices.Contains(vals, def) {
			vals = append(slices.Clone(vals), def)
		}
		return vals
	}
	return nil
}
