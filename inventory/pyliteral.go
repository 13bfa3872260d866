package inventory

import (
	"errors"
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
	v, _ := pyValueErr(s)
	return v
}

// pyValueErr is pyValue, with the one error literal_eval raises rather
// than giving the text back: a list, dict or set as a dict key or set
// element (it cannot be hashed), which fails the whole file in Ansible.
// As in Python, the text is parsed whole first (a syntax error gives the
// text back), then evaluated in order, and the first problem met decides:
// a name or an operation (not a literal) gives the text back, an
// unhashable key is the error.
func pyValueErr(s string) (cty.Value, error) {
	toks, ok := pyTokenize(strings.TrimLeft(s, " \t"))
	if !ok {
		return cty.StringVal(s), nil
	}
	p := &pyParser{toks: toks}
	n, ok := p.topLevel()
	if !ok || p.peek().kind != pyEOF {
		return cty.StringVal(s), nil
	}
	v, err := pyConvert(n, 0)
	switch {
	case errors.Is(err, errUnhashable):
		return cty.StringVal(s), err
	case err != nil:
		return cty.StringVal(s), nil
	}
	out, ok := v.cty()
	if !ok {
		// A complex number, which has no value here.
		return cty.StringVal(s), nil
	}
	return out, nil
}

// errUnhashable is Python's TypeError for a dict key or set element that
// is a list, dict or set.
var errUnhashable = errors.New("a list, dict or set cannot be a dict key or a set element (Python cannot hash it)")

// errMalformed is literal_eval's ValueError: not a literal.
var errMalformed = errors.New("not a literal")

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
		case strings.IndexByte("*/%@<>=!&|^~.", c) >= 0 && !(c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9'):
			// Operators that make an expression, not a literal. They are
			// read, not rejected, so that a problem met earlier in the
			// value (an unhashable key) is still the one Python reports.
			op := string(c)
			for _, two := range []string{"**", "//", "<<", ">>", "<=", ">=", "==", "!="} {
				if strings.HasPrefix(s[i:], two) {
					op = two
				}
			}
			if op == "=" || op == "!" {
				return nil, false
			}
			toks = append(toks, pyTok{kind: pyOp, text: op})
			i += len(op)
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

// pyNode is a parsed expression, as far as literals go.
type pyNode struct {
	kind  string    // const, imag, name, list, tuple, set, emptyset, dict, unary, binop
	val   cty.Value // const
	op    string    // unary, binop
	elems []*pyNode // list, tuple, set; dict keys then values interleaved; operands
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
func (p *pyParser) topLevel() (*pyNode, bool) {
	n, ok := p.arith()
	if !ok || !p.isOp(",") {
		return n, ok
	}
	t := &pyNode{kind: "tuple", elems: []*pyNode{n}}
	for p.isOp(",") {
		p.pos++
		if p.peek().kind == pyEOF {
			break
		}
		n, ok := p.arith()
		if !ok {
			return nil, false
		}
		t.elems = append(t.elems, n)
	}
	return t, true
}

// binaryOps are the operators between two operands; only + and - can
// make a literal (a complex number), the others never do.
var binaryOps = map[string]bool{"+": true, "-": true, "*": true, "**": true, "/": true, "//": true, "%": true, "@": true,
	"<<": true, ">>": true, "&": true, "|": true, "^": true, "<": true, ">": true, "<=": true, ">=": true, "==": true, "!=": true}

// arith reads a + b - c ..., left to right. Precedence does not matter:
// with any operator but one + or - between a number and an imaginary
// one, the value is not a literal.
func (p *pyParser) arith() (*pyNode, bool) {
	n, ok := p.unary()
	for ok && p.peek().kind == pyOp && binaryOps[p.peek().text] {
		op := p.peek().text
		p.pos++
		var r *pyNode
		if r, ok = p.unary(); ok {
			kind := "binop"
			if op != "+" && op != "-" {
				kind = "name"
			}
			n = &pyNode{kind: kind, op: op, elems: []*pyNode{n, r}}
		}
	}
	return n, ok
}

func (p *pyParser) unary() (*pyNode, bool) {
	if p.isOp("~") {
		p.pos++
		_, ok := p.unary()
		return &pyNode{kind: "name"}, ok
	}
	if p.isOp("+") || p.isOp("-") {
		op := p.peek().text
		p.pos++
		n, ok := p.unary()
		return &pyNode{kind: "unary", op: op, elems: []*pyNode{n}}, ok
	}
	return p.atom()
}

// atom reads an operand, with any .attribute after it (an expression).
func (p *pyParser) atom() (*pyNode, bool) {
	n, ok := p.operand()
	for ok && p.isOp(".") {
		p.pos++
		if p.peek().kind != pyName {
			return nil, false
		}
		p.pos++
		n = &pyNode{kind: "name"}
	}
	return n, ok
}

func (p *pyParser) operand() (*pyNode, bool) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxPyDepth {
		return nil, false
	}
	t := p.peek()
	switch t.kind {
	case pyNumber:
		p.pos++
		return &pyNode{kind: "const", val: t.num}, true
	case pyImag:
		p.pos++
		return &pyNode{kind: "imag"}, true
	case pyStr, pyBytes:
		// Adjacent literals concatenate; text and bytes do not mix.
		var b strings.Builder
		for p.peek().kind == t.kind {
			b.WriteString(p.peek().str)
			p.pos++
		}
		if k := p.peek().kind; k == pyStr || k == pyBytes {
			return nil, false
		}
		s := b.String()
		if t.kind == pyBytes && !utf8.ValidString(s) {
			return nil, false
		}
		return &pyNode{kind: "const", val: cty.StringVal(s)}, true
	case pyName:
		p.pos++
		switch t.text {
		case "True", "False":
			return &pyNode{kind: "const", val: cty.BoolVal(t.text == "True")}, true
		case "None":
			return &pyNode{kind: "const", val: cty.NullVal(cty.DynamicPseudoType)}, true
		}
		if p.isOp("(") && p.pos+1 < len(p.toks) && p.toks[p.pos+1].kind == pyOp && p.toks[p.pos+1].text == ")" {
			// A call without arguments: set() is the empty set.
			p.pos += 2
			if t.text == "set" {
				return &pyNode{kind: "emptyset"}, true
			}
		}
		return &pyNode{kind: "name"}, true
	case pyOp:
		switch t.text {
		case "(":
			p.pos++
			if p.isOp(")") {
				p.pos++
				return &pyNode{kind: "tuple"}, true
			}
			n, ok := p.arith()
			if !ok {
				return nil, false
			}
			if p.isOp(")") {
				p.pos++
				return n, true
			}
			if !p.isOp(",") {
				return nil, false
			}
			p.pos++
			rest, ok := p.elements(")")
			return &pyNode{kind: "tuple", elems: append([]*pyNode{n}, rest...)}, ok
		case "[":
			p.pos++
			elems, ok := p.elements("]")
			return &pyNode{kind: "list", elems: elems}, ok
		case "{":
			p.pos++
			return p.braces()
		}
	}
	return nil, false
}

// elements reads comma-separated values up to closing, a trailing comma
// allowed.
func (p *pyParser) elements(closing string) ([]*pyNode, bool) {
	var elems []*pyNode
	for {
		if p.isOp(closing) {
			p.pos++
			return elems, true
		}
		n, ok := p.arith()
		if !ok {
			return nil, false
		}
		elems = append(elems, n)
		if p.isOp(",") {
			p.pos++
			continue
		}
		if !p.isOp(closing) {
			return nil, false
		}
	}
}

// braces reads a dict or a set.
func (p *pyParser) braces() (*pyNode, bool) {
	if p.isOp("}") {
		p.pos++
		return &pyNode{kind: "dict"}, true
	}
	first, ok := p.arith()
	if !ok {
		return nil, false
	}
	if !p.isOp(":") {
		if p.isOp(",") {
			p.pos++
		} else if !p.isOp("}") {
			return nil, false
		}
		rest, ok := p.elements("}")
		return &pyNode{kind: "set", elems: append([]*pyNode{first}, rest...)}, ok
	}
	d := &pyNode{kind: "dict"}
	key := first
	for {
		p.pos++ // the colon
		v, ok := p.arith()
		if !ok {
			return nil, false
		}
		d.elems = append(d.elems, key, v)
		comma := p.isOp(",")
		if comma {
			p.pos++
		}
		if p.isOp("}") {
			p.pos++
			return d, true
		}
		if !comma {
			return nil, false
		}
		if key, ok = p.arith(); !ok || !p.isOp(":") {
			return nil, false
		}
	}
}

// pyObj is a Python value as literal_eval builds it.
type pyObj struct {
	kind  string    // scalar, complex, list, tuple, set, dict
	val   cty.Value // scalar: a string, number, bool or null
	elems []pyObj   // list, tuple, set; dict keys and values interleaved
}

func (o pyObj) hashable() bool {
	switch o.kind {
	case "list", "set", "dict":
		return false
	case "tuple":
		for _, e := range o.elems {
			if !e.hashable() {
				return false
			}
		}
	}
	return true
}

// identity is a hashable value's identity in a dict or set, where 1,
// 1.0 and True are one.
func (o pyObj) identity() string {
	if o.kind == "scalar" {
		return pyKeyID(o.val)
	}
	var b strings.Builder
	b.WriteString(o.kind + "(")
	for _, e := range o.elems {
		b.WriteString(e.identity() + ",")
	}
	return b.String() + ")"
}

// pyConvert evaluates a node as literal_eval's _convert does, in the
// same order, so that the first problem met is the one Python meets.
func pyConvert(n *pyNode, depth int) (pyObj, error) {
	if depth > maxPyDepth {
		return pyObj{}, errMalformed
	}
	switch n.kind {
	case "const":
		return pyObj{kind: "scalar", val: n.val}, nil
	case "imag":
		return pyObj{kind: "complex"}, nil
	case "emptyset":
		return pyObj{kind: "set"}, nil
	case "list", "tuple":
		out := pyObj{kind: n.kind}
		for _, e := range n.elems {
			o, err := pyConvert(e, depth+1)
			if err != nil {
				return pyObj{}, err
			}
			out.elems = append(out.elems, o)
		}
		return out, nil
	case "set":
		out := pyObj{kind: "set"}
		seen := map[string]bool{}
		for _, e := range n.elems {
			o, err := pyConvert(e, depth+1)
			if err != nil {
				return pyObj{}, err
			}
			if !o.hashable() {
				return pyObj{}, errUnhashable
			}
			if id := o.identity(); !seen[id] {
				seen[id] = true
				out.elems = append(out.elems, o)
			}
		}
		return out, nil
	case "dict":
		out := pyObj{kind: "dict"}
		index := map[string]int{}
		for i := 0; i+1 < len(n.elems); i += 2 {
			k, err := pyConvert(n.elems[i], depth+1)
			if err != nil {
				return pyObj{}, err
			}
			v, err := pyConvert(n.elems[i+1], depth+1)
			if err != nil {
				return pyObj{}, err
			}
			if !k.hashable() {
				return pyObj{}, errUnhashable
			}
			// A repeated key keeps its first spelling and takes the last value.
			if j, ok := index[k.identity()]; ok {
				out.elems[j+1] = v
				continue
			}
			index[k.identity()] = len(out.elems)
			out.elems = append(out.elems, k, v)
		}
		return out, nil
	case "binop":
		// Only a real number plus or minus an imaginary one is a literal.
		l, err := pySignedNum(n.elems[0])
		if err != nil {
			return pyObj{}, err
		}
		r, err := pyNum(n.elems[1])
		if err != nil {
			return pyObj{}, err
		}
		if l.kind == "scalar" && r.kind == "complex" {
			return pyObj{kind: "complex"}, nil
		}
		return pyObj{}, errMalformed
	}
	return pySignedNum(n)
}

func pySignedNum(n *pyNode) (pyObj, error) {
	if n.kind == "unary" {
		o, err := pyNum(n.elems[0])
		if err != nil || o.kind == "complex" || n.op == "+" {
			return o, err
		}
		return pyObj{kind: "scalar", val: o.val.Negate()}, nil
	}
	return pyNum(n)
}

func pyNum(n *pyNode) (pyObj, error) {
	switch {
	case n.kind == "imag":
		return pyObj{kind: "complex"}, nil
	case n.kind == "const" && !n.val.IsNull() && n.val.Type() == cty.Number:
		return pyObj{kind: "scalar", val: n.val}, nil
	}
	return pyObj{}, errMalformed
}

// cty turns the value into a cty value: lists, tuples and sets become
// tuples, dicts objects whose keys are named as JSON names them. A
// complex number has no value here.
func (o pyObj) cty() (cty.Value, bool) {
	switch o.kind {
	case "scalar":
		return o.val, true
	case "list", "tuple", "set":
		var elems []cty.Value
		for _, e := range o.elems {
			v, ok := e.cty()
			if !ok {
				return cty.NilVal, false
			}
			elems = append(elems, v)
		}
		if len(elems) == 0 {
			return cty.EmptyTupleVal, true
		}
		return cty.TupleVal(elems), true
	case "dict":
		attrs := map[string]cty.Value{}
		for i := 0; i+1 < len(o.elems); i += 2 {
			k, ok := o.elems[i].cty()
			if !ok {
				return cty.NilVal, false
			}
			name, ok := pyKey(k)
			if !ok {
				// A tuple key: Python has it, JSON cannot print it.
				name = o.elems[i].identity()
			}
			v, ok := o.elems[i+1].cty()
			if !ok {
				return cty.NilVal, false
			}
			attrs[name] = v
		}
		if len(attrs) == 0 {
			return cty.EmptyObjectVal, true
		}
		return cty.ObjectVal(attrs), true
	}
	return cty.NilVal, false
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
