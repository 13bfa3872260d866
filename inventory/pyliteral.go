package inventory

import (
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
)

// Ansible reads the values of INI host lines with Python's
// ast.literal_eval: 80 is a number, True a boolean, "'80'" a string, and
// whatever is not a literal stays the string it was. pyValue does the
// same for the literals inventories hold: strings, numbers, booleans,
// None, lists, tuples, sets and dicts.
func pyValue(s string) cty.Value {
	p := &pyParser{src: s}
	v, ok := p.value(0)
	p.space()
	if !ok || p.pos != len(s) {
		return cty.StringVal(s)
	}
	return v
}

type pyParser struct {
	src string
	pos int
}

const maxPyDepth = 64

var (
	pyInt   = regexp.MustCompile(`^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|[1-9](?:_?[0-9])*|0+(?:_?0)*)`)
	pyFloat = regexp.MustCompile(`^(?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.?)(?:[eE][+-]?[0-9](?:_?[0-9])*)?`)
	pyName  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*`)
)

func (p *pyParser) space() {
	for p.pos < len(p.src) && strings.IndexByte(" \t\r\n", p.src[p.pos]) >= 0 {
		p.pos++
	}
}

func (p *pyParser) value(depth int) (cty.Value, bool) {
	if depth > maxPyDepth {
		return cty.NilVal, false
	}
	p.space()
	if p.pos >= len(p.src) {
		return cty.NilVal, false
	}
	switch c := p.src[p.pos]; {
	case c == '\'' || c == '"':
		return p.str()
	case c == '[':
		p.pos++
		return p.sequence(']', depth)
	case c == '(':
		p.pos++
		return p.sequence(')', depth)
	case c == '{':
		p.pos++
		return p.dict(depth)
	case c == '-' || c == '+':
		p.pos++
		p.space()
		v, ok := p.number()
		if ok && c == '-' {
			v = v.Negate()
		}
		return v, ok
	case c >= '0' && c <= '9' || c == '.':
		return p.number()
	}
	name := pyName.FindString(p.src[p.pos:])
	switch name {
	case "True", "False":
		p.pos += len(name)
		return cty.BoolVal(name == "True"), true
	case "None":
		p.pos += len(name)
		return cty.NullVal(cty.DynamicPseudoType), true
	case "u", "U", "r", "R":
		// u'' and r'' strings.
		if p.pos+1 < len(p.src) && (p.src[p.pos+1] == '\'' || p.src[p.pos+1] == '"') {
			p.pos++
			if name == "r" || name == "R" {
				return p.rawStr()
			}
			return p.str()
		}
	}
	return cty.NilVal, false
}

func (p *pyParser) number() (cty.Value, bool) {
	rest := p.src[p.pos:]
	f := pyFloat.FindString(rest)
	i := pyInt.FindString(rest)
	if len(f) > len(i) && strings.ContainsAny(f, ".eE") {
		x, err := strconv.ParseFloat(strings.ReplaceAll(f, "_", ""), 64)
		if err != nil || math.IsInf(x, 0) || p.identAfter(len(f)) {
			return cty.NilVal, false
		}
		p.pos += len(f)
		return cty.NumberFloatVal(x), true
	}
	if i == "" || p.identAfter(len(i)) {
		return cty.NilVal, false
	}
	n, ok := new(big.Int).SetString(strings.ReplaceAll(i, "_", ""), 0)
	if !ok {
		return cty.NilVal, false
	}
	p.pos += len(i)
	return cty.NumberVal(new(big.Float).SetInt(n)), true
}

// identAfter tells 80abc (not a literal) from 80.
func (p *pyParser) identAfter(n int) bool {
	if p.pos+n >= len(p.src) {
		return false
	}
	c := p.src[p.pos+n]
	return c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func (p *pyParser) rawStr() (cty.Value, bool) {
	q := p.src[p.pos]
	end := strings.IndexByte(p.src[p.pos+1:], q)
	if end < 0 {
		return cty.NilVal, false
	}
	s := p.src[p.pos+1 : p.pos+1+end]
	p.pos += end + 2
	return cty.StringVal(s), true
}

func (p *pyParser) str() (cty.Value, bool) {
	q := p.src[p.pos]
	var b strings.Builder
	for i := p.pos + 1; i < len(p.src); i++ {
		c := p.src[i]
		switch {
		case c == q:
			p.pos = i + 1
			return cty.StringVal(b.String()), true
		case c == '\n':
			return cty.NilVal, false
		case c != '\\':
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(p.src) {
			return cty.NilVal, false
		}
		switch e := p.src[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '0':
			b.WriteByte(0)
		case '\\', '\'', '"':
			b.WriteByte(e)
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if i+n >= len(p.src) {
				return cty.NilVal, false
			}
			r, err := strconv.ParseUint(p.src[i+1:i+1+n], 16, 32)
			if err != nil || !utf8.ValidRune(rune(r)) {
				return cty.NilVal, false
			}
			b.WriteRune(rune(r))
			i += n
		default:
			// Python keeps unknown escapes as they are.
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return cty.NilVal, false
}

func (p *pyParser) sequence(closing byte, depth int) (cty.Value, bool) {
	var elems []cty.Value
	for {
		p.space()
		if p.pos < len(p.src) && p.src[p.pos] == closing {
			p.pos++
			if len(elems) == 0 {
				return cty.EmptyTupleVal, true
			}
			return cty.TupleVal(elems), true
		}
		v, ok := p.value(depth + 1)
		if !ok {
			return cty.NilVal, false
		}
		elems = append(elems, v)
		if !p.separator(closing) {
			return cty.NilVal, false
		}
	}
}

// separator consumes a comma, or sees the closing bracket.
func (p *pyParser) separator(closing byte) bool {
	p.space()
	if p.pos >= len(p.src) {
		return false
	}
	if p.src[p.pos] == ',' {
		p.pos++
		return true
	}
	return p.src[p.pos] == closing
}

// dict reads {k: v, ...}, and sets ({a, b}) as lists.
func (p *pyParser) dict(depth int) (cty.Value, bool) {
	attrs := map[string]cty.Value{}
	var set []cty.Value
	for {
		p.space()
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			p.pos++
			switch {
			case set != nil:
				return cty.TupleVal(set), true
			case len(attrs) == 0:
				return cty.EmptyObjectVal, true
			}
			return cty.ObjectVal(attrs), true
		}
		k, ok := p.value(depth + 1)
		if !ok {
			return cty.NilVal, false
		}
		p.space()
		if p.pos < len(p.src) && p.src[p.pos] == ':' && set == nil {
			p.pos++
			v, ok := p.value(depth + 1)
			if !ok {
				return cty.NilVal, false
			}
			attrs[pyKey(k)] = v
		} else if len(attrs) == 0 {
			set = append(set, k)
		} else {
			return cty.NilVal, false
		}
		if !p.separator('}') {
			return cty.NilVal, false
		}
	}
}

// pyKey turns a dict key into an attribute name.
func pyKey(k cty.Value) string {
	switch {
	case k.IsNull():
		return "None"
	case k.Type() == cty.String:
		return k.AsString()
	case k.Type() == cty.Number:
		return k.AsBigFloat().Text('g', -1)
	case k.Type() == cty.Bool:
		if k.True() {
			return "True"
		}
		return "False"
	}
	return k.GoString()
}
