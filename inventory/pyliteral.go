package inventory

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
)

// Ansible reads the values of INI files, host lines and [group:vars]
// alike, with Python's ast.literal_eval: 80 is a number, True a boolean,
// "'80'" a string, [80, 443] a list, and whatever is not a literal stays
// the string it was ("v # c" included). pyValue does the same for every
// form literal_eval accepts: strings (with their prefixes, escapes and
// implicit concatenation), bytes (read as text, as Ansible's to_text
// does), numbers, booleans, None, lists, tuples (a bare "1, 2" too),
// dicts, sets and set(), unary signs and comments.
//
// Two forms have no value here: complex numbers (1+2j) and the Ellipsis
// stay the string written; Ansible keeps them as Python objects that its
// own JSON output cannot print.
func pyValue(s string) cty.Value {
	v, ok := pyLiteral(s)
	if !ok {
		return cty.StringVal(s)
	}
	return v
}

// pyLiteral evaluates s, or says it is not a literal.
func pyLiteral(s string) (cty.Value, bool) {
	toks, ok := pyTokenize(strings.TrimLeft(s, " \t"))
	if !ok {
		return cty.NilVal, false
	}
	p := &pyParser{toks: toks}
	v, ok := p.topLevel()
	if !ok || p.peek().kind != pyEOF {
		return cty.NilVal, false
	}
	return v, true
}

type pyTokKind int

const (
	pyEOF pyTokKind = iota
	pyOp            // one of ( ) [ ] { } , : + -
	pyName
	pyNumber // int or float
	pyImag   // a number ending in j
	pyStr
	pyBytes
)

type pyTok struct {
	kind pyTokKind
	text string    // operator or name
	num  cty.Value // numbers
	str  string    // strings and bytes, decoded
}

const maxPyDepth = 64

// pyTokenize splits s into Python tokens, as far as literals need them.
// Inside brackets a newline is white space; outside, only one at the end
// is allowed, as in an eval-mode source.
func pyTokenize(s string) ([]pyTok, bool) {
	var toks []pyTok
	depth := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			i++
		case c == '\\' && i+1 < len(s) && s[i+1] == '\n':
			i += 2 // explicit line joining
		case c == '\n' || c == '\r':
			if depth == 0 && strings.TrimLeft(s[i:], " \t\r\n") != "" {
				return nil, false
			}
			i++
		case c == '#':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case strings.IndexByte("()[]{},:+-", c) >= 0:
			switch c {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				depth--
			}
			toks = append(toks, pyTok{kind: pyOp, text: string(c)})
			i++
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			t, n, ok := pyNumberToken(s[i:])
			if !ok {
				return nil, false
			}
			toks = append(toks, t)
			i += n
		case c == '\'' || c == '"':
			t, n, ok := pyStringToken(s[i:], "")
			if !ok {
				return nil, false
			}
			toks = append(toks, t)
			i += n
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			// Names outside ASCII could only be more non-literals.
			j := i
			for j < len(s) && (s[j] == '_' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			name := s[i:j]
			if j < len(s) && (s[j] == '\'' || s[j] == '"') && isStringPrefix(name) {
				t, n, ok := pyStringToken(s[j:], strings.ToLower(name))
				if !ok {
					return nil, false
				}
				toks = append(toks, t)
				i = j + n
				continue
			}
			toks = append(toks, pyTok{kind: pyName, text: name})
			i = j
		default:
			return nil, false
		}
	}
	return toks, depth == 0
}

func isStringPrefix(p string) bool {
	switch strings.ToLower(p) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
}

// pyNumberToken reads an integer, float or imaginary literal at the start
// of s, with Python's rules: underscores between digits, no leading zeros
// in a decimal integer other than zero itself, 0x/0o/0b prefixes.
func pyNumberToken(s string) (pyTok, int, bool) {
	digits := func(i int, ok func(byte) bool) int {
		start := i
		for i < len(s) && (ok(s[i]) || s[i] == '_' && i > start && i+1 < len(s) && ok(s[i+1])) {
			i++
		}
		return i
	}
	isDec := func(c byte) bool { return c >= '0' && c <= '9' }
	end := func(i int) bool {
		// A literal followed by a letter, digit or dot is not one (1abc, 0x).
		if i >= len(s) {
			return true
		}
		c := s[i]
		return !(c == '_' || c == '.' || isDec(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80)
	}
	if len(s) > 1 && s[0] == '0' && strings.IndexByte("xXoObB", s[1]) >= 0 {
		base := map[byte]int{'x': 16, 'o': 8, 'b': 2}[s[1]|0x20]
		ok := map[int]func(byte) bool{
			16: func(c byte) bool { return isDec(c) || c|0x20 >= 'a' && c|0x20 <= 'f' },
			8:  func(c byte) bool { return c >= '0' && c <= '7' },
			2:  func(c byte) bool { return c == '0' || c == '1' },
		}[base]
		i := 2
		if i < len(s) && s[i] == '_' {
			i++
		}
		j := digits(i, ok)
		if j == i || !end(j) {
			return pyTok{}, 0, false
		}
		n, good := new(big.Int).SetString(strings.ReplaceAll(s[2:j], "_", ""), base)
		if !good {
			return pyTok{}, 0, false
		}
		return pyTok{kind: pyNumber, num: cty.NumberVal(new(big.Float).SetInt(n))}, j, true
	}
	i := digits(0, isDec)
	intPart := s[:i]
	float := false
	if i < len(s) && s[i] == '.' {
		float = true
		i++
		if i < len(s) && isDec(s[i]) {
			i = digits(i, isDec)
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if k := digits(j, isDec); k > j {
			float, i = true, k
		}
	}
	if i < len(s) && (s[i] == 'j' || s[i] == 'J') {
		if !end(i + 1) {
			return pyTok{}, 0, false
		}
		return pyTok{kind: pyImag}, i + 1, true
	}
	if !end(i) {
		return pyTok{}, 0, false
	}
	text := strings.ReplaceAll(s[:i], "_", "")
	if !float {
		if len(intPart) > 1 && intPart[0] == '0' && strings.Trim(intPart, "0_") != "" {
			return pyTok{}, 0, false // 007: leading zeros are a syntax error
		}
		n, ok := new(big.Int).SetString(text, 10)
		if !ok {
			return pyTok{}, 0, false
		}
		return pyTok{kind: pyNumber, num: cty.NumberVal(new(big.Float).SetInt(n))}, i, true
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(f, 0) {
		// 1e400 is infinity in Python, which JSON cannot carry either.
		return pyTok{}, 0, false
	}
	return pyTok{kind: pyNumber, num: cty.NumberFloatVal(f)}, i, true
}

// pyStringToken reads a quoted literal at the start of s; prefix is the
// lower-cased prefix before the quote.
func pyStringToken(s, prefix string) (pyTok, int, bool) {
	raw := strings.Contains(prefix, "r")
	bytesLit := strings.Contains(prefix, "b")
	q := s[:1]
	if strings.HasPrefix(s, q+q+q) {
		q = s[:3]
	}
	var b strings.Builder
	i := len(q)
	for {
		if i >= len(s) {
			return pyTok{}, 0, false
		}
		if strings.HasPrefix(s[i:], q) {
			i += len(q)
			break
		}
		c := s[i]
		if c == '\n' && len(q) == 1 {
			return pyTok{}, 0, false
		}
		if bytesLit && c >= 0x80 {
			return pyTok{}, 0, false // bytes can only contain ASCII literal characters
		}
		if c != '\\' {
			b.WriteByte(c)
			i++
			continue
		}
		if i+1 >= len(s) {
			return pyTok{}, 0, false
		}
		if raw {
			// A raw string keeps the backslash, but it still escapes a quote.
			b.WriteByte('\\')
			b.WriteByte(s[i+1])
			i += 2
			continue
		}
		n, ok := pyEscape(&b, s[i+1:], bytesLit)
		if !ok {
			return pyTok{}, 0, false
		}
		i += 1 + n
	}
	tok := pyTok{kind: pyStr, str: b.String()}
	if strings.Contains(prefix, "f") {
		tok.kind = pyName // an f-string is an expression, not a literal
	} else if bytesLit {
		tok.kind = pyBytes
	}
	return tok, i, true
}

// pyEscape decodes the escape after a backslash, returning how many
// bytes of s it used.
func pyEscape(b *strings.Builder, s string, bytesLit bool) (int, bool) {
	e := s[0]
	switch e {
	case '\n':
		return 1, true
	case '\\', '\'', '"':
		b.WriteByte(e)
	case 'a':
		b.WriteByte('\a')
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'v':
		b.WriteByte('\v')
	case '0', '1', '2', '3', '4', '5', '6', '7':
		n := 1
		for n < 3 && n < len(s) && s[n] >= '0' && s[n] <= '7' {
			n++
		}
		v, _ := strconv.ParseUint(s[:n], 8, 32)
		if bytesLit {
			b.WriteByte(byte(v))
		} else {
			b.WriteRune(rune(v))
		}
		return n, true
	case 'x':
		if len(s) < 3 {
			return 0, false
		}
		v, err := strconv.ParseUint(s[1:3], 16, 8)
		if err != nil {
			return 0, false
		}
		if bytesLit {
			b.WriteByte(byte(v))
		} else {
			b.WriteRune(rune(v))
		}
		return 3, true
	case 'u', 'U':
		if bytesLit {
			b.WriteByte('\\')
			b.WriteByte(e)
			return 1, true
		}
		n := 4
		if e == 'U' {
			n = 8
		}
		if len(s) < 1+n {
			return 0, false
		}
		v, err := strconv.ParseUint(s[1:1+n], 16, 32)
		if err != nil || v > utf8.MaxRune {
			return 0, false
		}
		b.WriteRune(rune(v))
		return 1 + n, true
	case 'N':
		// \N{NAME} needs Unicode's name table; not a literal here.
		if bytesLit {
			b.WriteString(`\N`)
			return 1, true
		}
		return 0, false
	default:
		// Python keeps unknown escapes as they are.
		b.WriteByte('\\')
		b.WriteByte(e)
	}
	return 1, true
}

type pyParser struct {
	toks  []pyTok
	pos   int
	depth int
}

func (p *pyParser) peek() pyTok {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return pyTok{kind: pyEOF}
}

func (p *pyParser) isOp(op string) bool {
	t := p.peek()
	return t.kind == pyOp && t.text == op
}

// topLevel reads an expression, or a tuple written without parentheses.
func (p *pyParser) topLevel() (cty.Value, bool) {
	v, ok := p.value()
	if !ok || !p.isOp(",") {
		return v, ok
	}
	elems := []cty.Value{v}
	for p.isOp(",") {
		p.pos++
		if p.peek().kind == pyEOF {
			break
		}
		v, ok := p.value()
		if !ok {
			return cty.NilVal, false
		}
		elems = append(elems, v)
	}
	return cty.TupleVal(elems), true
}

func (p *pyParser) value() (cty.Value, bool) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxPyDepth {
		return cty.NilVal, false
	}
	t := p.peek()
	switch t.kind {
	case pyNumber:
		p.pos++
		return t.num, true
	case pyStr, pyBytes:
		// Adjacent literals concatenate; text and bytes do not mix.
		var b strings.Builder
		for p.peek().kind == t.kind {
			b.WriteString(p.peek().str)
			p.pos++
		}
		if k := p.peek().kind; k == pyStr || k == pyBytes {
			return cty.NilVal, false
		}
		s := b.String()
		if t.kind == pyBytes && !utf8.ValidString(s) {
			return cty.NilVal, false
		}
		return cty.StringVal(s), true
	case pyName:
		p.pos++
		switch t.text {
		case "True", "False":
			return cty.BoolVal(t.text == "True"), true
		case "None":
			return cty.NullVal(cty.DynamicPseudoType), true
		case "set":
			if p.isOp("(") && p.pos+1 < len(p.toks) && p.toks[p.pos+1].kind == pyOp && p.toks[p.pos+1].text == ")" {
				p.pos += 2
				return cty.EmptyTupleVal, true
			}
		}
		return cty.NilVal, false
	case pyOp:
		switch t.text {
		case "+", "-":
			// One sign, on a number only: -5 and -(5), not --5 or -True.
			p.pos++
			n := p.peek()
			parens := 0
			for n.kind == pyOp && n.text == "(" {
				parens++
				p.pos++
				n = p.peek()
			}
			if n.kind != pyNumber {
				return cty.NilVal, false
			}
			p.pos++
			for ; parens > 0; parens-- {
				if !p.isOp(")") {
					return cty.NilVal, false
				}
				p.pos++
			}
			if t.text == "-" {
				return n.num.Negate(), true
			}
			return n.num, true
		case "(":
			p.pos++
			return p.parens()
		case "[":
			p.pos++
			elems, ok := p.elements("]")
			if !ok {
				return cty.NilVal, false
			}
			return tupleOf(elems), true
		case "{":
			p.pos++
			return p.braces()
		}
	}
	return cty.NilVal, false
}

func tupleOf(elems []cty.Value) cty.Value {
	if len(elems) == 0 {
		return cty.EmptyTupleVal
	}
	return cty.TupleVal(elems)
}

// parens reads what follows "(": a tuple, or one parenthesised value.
func (p *pyParser) parens() (cty.Value, bool) {
	if p.isOp(")") {
		p.pos++
		return cty.EmptyTupleVal, true
	}
	v, ok := p.value()
	if !ok {
		return cty.NilVal, false
	}
	if p.isOp(")") {
		p.pos++
		return v, true
	}
	if !p.isOp(",") {
		return cty.NilVal, false
	}
	p.pos++
	rest, ok := p.elements(")")
	if !ok {
		return cty.NilVal, false
	}
	return cty.TupleVal(append([]cty.Value{v}, rest...)), true
}

// elements reads comma-separated values up to closing, a trailing comma
// allowed.
func (p *pyParser) elements(closing string) ([]cty.Value, bool) {
	var elems []cty.Value
	for {
		if p.isOp(closing) {
			p.pos++
			return elems, true
		}
		v, ok := p.value()
		if !ok {
			return nil, false
		}
		elems = append(elems, v)
		if p.isOp(",") {
			p.pos++
			continue
		}
		if !p.isOp(closing) {
			return nil, false
		}
	}
}

// braces reads a dict, or a set (as a list).
func (p *pyParser) braces() (cty.Value, bool) {
	if p.isOp("}") {
		p.pos++
		return cty.EmptyObjectVal, true
	}
	first, ok := p.value()
	if !ok {
		return cty.NilVal, false
	}
	if !p.isOp(":") {
		if p.isOp(",") {
			p.pos++
		} else if !p.isOp("}") {
			return cty.NilVal, false
		}
		rest, ok := p.elements("}")
		if !ok {
			return cty.NilVal, false
		}
		return pySet(append([]cty.Value{first}, rest...))
	}
	attrs := map[string]cty.Value{}
	names := map[string]string{} // a key's identity to the name it first had
	key := first
	for {
		p.pos++ // the colon
		v, ok := p.value()
		if !ok {
			return cty.NilVal, false
		}
		k, ok := pyKey(key)
		if !ok {
			return cty.NilVal, false
		}
		id := pyKeyID(key)
		if first, seen := names[id]; seen {
			k = first
		} else {
			names[id] = k
		}
		attrs[k] = v
		if p.isOp(",") {
			p.pos++
		}
		if p.isOp("}") {
			p.pos++
			return cty.ObjectVal(attrs), true
		}
		if key, ok = p.value(); !ok || !p.isOp(":") {
			return cty.NilVal, false
		}
	}
}

// pySet keeps a set's distinct elements, in the order written, as a
// list; a set of dicts is an error in Python (they cannot be hashed).
func pySet(elems []cty.Value) (cty.Value, bool) {
	var out []cty.Value
	for _, e := range elems {
		if e.Type().IsObjectType() {
			return cty.NilVal, false
		}
		dup := false
		for _, o := range out {
			if o.Type().Equals(e.Type()) && o.RawEquals(e) {
				dup = true
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return tupleOf(out), true
}

// pyKey turns a dict key into the name JSON gives it, as ansible-inventory
// prints it: strings as they are, numbers in Python's notation, True,
// False and None as true, false and null.
func pyKey(k cty.Value) (string, bool) {
	switch {
	case k.IsNull():
		return "null", true
	case k.Type() == cty.String:
		return k.AsString(), true
	case k.Type() == cty.Number:
		return pyNumberText(k), true
	case k.Type() == cty.Bool:
		if k.True() {
			return "true", true
		}
		return "false", true
	}
	return "", false
}

// pyKeyID is a dict key's identity in Python, where 1, 1.0 and True
// are one key, as are 0, 0.0 and False.
func pyKeyID(k cty.Value) string {
	switch {
	case k.IsNull():
		return "None"
	case k.Type() == cty.Bool:
		if k.True() {
			return "n:1"
		}
		return "n:0"
	case k.Type() == cty.Number:
		return "n:" + k.AsBigFloat().Text('g', -1)
	case k.Type() == cty.String:
		return "s:" + k.AsString()
	}
	return "?" + k.GoString()
}

// pyNumberText writes a number as Python's str() does: integers in full,
// floats in repr's shortest form (1e+16, 0.0001, 1e-05).
func pyNumberText(v cty.Value) string {
	bf := v.AsBigFloat()
	if bf.IsInt() {
		i, _ := bf.Int(nil)
		return i.String()
	}
	f, _ := bf.Float64()
	return pyFloatRepr(f)
}

func pyFloatRepr(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e16 {
		return strconv.FormatFloat(f, 'f', 1, 64)
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	exp := 0
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		exp, _ = strconv.Atoi(s[i+1:])
	} else {
		return s
	}
	if exp >= -4 && exp < 16 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	mant, e, _ := strings.Cut(s, "e")
	sign := e[0]
	e = strings.TrimLeft(e[1:], "0")
	if len(e) < 2 {
		e = strings.Repeat("0", 2-len(e)) + e
	}
	return mant + "e" + string(sign) + e
}
