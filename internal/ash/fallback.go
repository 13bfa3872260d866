package ash

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// variableFallbacks are the defaults that compute what a bash variable
// holds: ${EUID:-$(id -u)} reads bash's number or, under ash, the one id
// prints. Each has a probe ("var EUID :-$(id -u)") that says whether the
// two give the same value; where they do, reading the variable this way
// is no difference.
var variableFallbacks = map[string][]string{
	"EUID":        {"$(id -u)"},
	"UID":         {"$(id -u)", "$(id -ru)"},
	"BASH_SOURCE": {"$0"},
}

// fallbackKey is the surface key of a read of a variable with a default
// that computes its value, or "".
func fallbackKey(p *syntax.ParamExp) string {
	if p.Param == nil || p.Exp == nil || p.Exp.Word == nil || p.Index != nil {
		return ""
	}
	op := ""
	switch p.Exp.Op {
	case syntax.DefaultUnsetOrNull:
		op = ":-"
	case syntax.DefaultUnset:
		op = "-"
	default:
		return ""
	}
	var b strings.Builder
	if err := syntax.NewPrinter().Print(&b, p.Exp.Word); err != nil {
		return ""
	}
	text := b.String()
	for _, f := range variableFallbacks[p.Param.Value] {
		if text == f {
			return "var " + p.Param.Value + " " + op + f
		}
	}
	return ""
}

// sameByFallback says whether a read of a bash variable gets the same
// value under ash through its default, as its probe showed.
func sameByFallback(p *syntax.ParamExp) bool {
	e := surface.byKey[fallbackKey(p)]
	return e != nil && e.Severity == SeverityInfo
}
