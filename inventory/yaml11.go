package inventory

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"
)

// Ansible reads YAML with PyYAML, which implements YAML 1.1: yes, on and
// off are booleans, 010 is eight, 1:30 is ninety (base 60), 1e5 is a
// string (a float needs a dot), and 2024-01-31 is a date. gopkg.in/yaml.v3
// parses the structure; the plain scalars are then resolved here with
// YAML 1.1's rules, as PyYAML's resolver has them. A file that is valid
// JSON is read as JSON, as Ansible tries JSON first.

var (
	yaml11Bool  = regexp.MustCompile(`^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`)
	yaml11Null  = regexp.MustCompile(`^(?:~|null|Null|NULL|)$`)
	yaml11Int   = regexp.MustCompile(`^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$`)
	yaml11Float = regexp.MustCompile(`^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
	yaml11Date  = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	yaml11Time  = regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?$`)
)

// yaml11Tag resolves a plain scalar to the tag PyYAML gives it. As in
// PyYAML, the first character picks which patterns are tried.
func yaml11Tag(s string) string {
	first := byte(0)
	if s != "" {
		first = s[0]
	}
	try := func(tags ...string) string {
		for _, t := range tags {
			switch {
			case t == "bool" && yaml11Bool.MatchString(s),
				t == "null" && yaml11Null.MatchString(s),
				t == "float" && yaml11Float.MatchString(s),
				t == "int" && yaml11Int.MatchString(s),
				t == "timestamp" && (yaml11Date.MatchString(s) || yaml11Time.MatchString(s)),
				t == "merge" && s == "<<":
				return t
			}
		}
		return "str"
	}
	switch {
	case first == 0 || first == '~':
		return try("null")
	case first == '+' || first == '-':
		return try("float", "int")
	case first == '.':
		return try("float")
	case first >= '0' && first <= '9':
		return try("float", "int", "timestamp")
	case first == '<':
		return try("merge")
	case strings.IndexByte("FOTYfoty", first) >= 0:
		return try("bool")
	case first == 'N' || first == 'n':
		return try("bool", "null")
	}
	return "str"
}

// scalarValue converts a scalar node: explicitly tagged, quoted, or
// resolved as YAML 1.1 (or JSON) would.
func (c *yamlConv) scalarValue(n *yaml.Node) cty.Value {
	if n == nil || n.Kind != yaml.ScalarNode {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	tag := ""
	if n.Style&yaml.TaggedStyle != 0 {
		switch n.Tag {
		case "!vault":
			return c.vaultValue(n)
		case "!!int", "!!float", "!!bool", "!!null", "!!timestamp":
			tag = strings.TrimPrefix(n.Tag, "!!")
		case "!unsafe":
			// Ansible keeps it from templating, and its JSON says so.
			return cty.StringVal(n.Value).Mark(unsafeMark{})
		default: // !!str and tags Ansible does not know
			return cty.StringVal(n.Value)
		}
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 && tag == "" {
		return cty.StringVal(n.Value)
	}
	if tag == "" {
		if c.json {
			return jsonScalar(n.Value)
		}
		tag = yaml11Tag(n.Value)
	}
	switch tag {
	case "null":
		return cty.NullVal(cty.DynamicPseudoType)
	case "bool":
		switch strings.ToLower(n.Value) {
		case "yes", "true", "on":
			return cty.True
		case "no", "false", "off":
			return cty.False
		}
	case "int":
		if v, ok := yaml11IntValue(n.Value); ok {
			return v
		}
	case "float":
		if v, ok := yaml11FloatValue(n.Value); ok {
			return v
		}
	case "timestamp":
		s, ok := yaml11Timestamp(n.Value)
		if !ok {
			c.diags = append(c.diags, errorAt(c.rng(n), "Invalid date",
				fmt.Sprintf("%q is written as a YAML timestamp but is no date or time (day or month out of range); quote it to keep it a string.", n.Value)))
		}
		return cty.StringVal(s)
	}
	return cty.StringVal(n.Value)
}

// unsafeMark marks a !unsafe value, which ansible-inventory prints as
// {"__ansible_unsafe": TEXT}.
type unsafeMark struct{}

// jsonScalar reads a plain JSON scalar: a number, true, false or null.
func jsonScalar(s string) cty.Value {
	switch s {
	case "true":
		return cty.True
	case "false":
		return cty.False
	case "null":
		return cty.NullVal(cty.DynamicPseudoType)
	}
	var num json.Number
	if err := json.Unmarshal([]byte(s), &num); err == nil {
		if bf, ok := new(big.Float).SetPrec(512).SetString(num.String()); ok {
			if !strings.ContainsAny(s, ".eE") {
				return cty.NumberVal(bf)
			}
			f, _ := bf.Float64()
			if !math.IsInf(f, 0) {
				return cty.NumberFloatVal(f)
			}
		}
	}
	return cty.StringVal(s)
}

// yaml11IntValue converts a YAML 1.1 int: 0b, 0x, a leading 0 for octal,
// and base 60 with colons.
func yaml11IntValue(s string) (cty.Value, bool) {
	v := strings.ReplaceAll(s, "_", "")
	neg := false
	if v != "" && (v[0] == '-' || v[0] == '+') {
		neg = v[0] == '-'
		v = v[1:]
	}
	n := new(big.Int)
	ok := true
	switch {
	case v == "0":
	case strings.HasPrefix(v, "0b"):
		_, ok = n.SetString(v[2:], 2)
	case strings.HasPrefix(v, "0x"):
		_, ok = n.SetString(v[2:], 16)
	case strings.HasPrefix(v, "0"):
		_, ok = n.SetString(v[1:], 8)
	case strings.Contains(v, ":"):
		for _, d := range strings.Split(v, ":") {
			x, err := strconv.ParseInt(d, 10, 64)
			if err != nil {
				return cty.NilVal, false
			}
			n.Mul(n, big.NewInt(60)).Add(n, big.NewInt(x))
		}
	default:
		_, ok = n.SetString(v, 10)
	}
	if !ok {
		return cty.NilVal, false
	}
	if neg {
		n.Neg(n)
	}
	return cty.NumberVal(new(big.Float).SetInt(n)), true
}

// yaml11FloatValue converts a YAML 1.1 float; infinities and NaN, which
// JSON cannot carry, stay strings.
func yaml11FloatValue(s string) (cty.Value, bool) {
	v := strings.ToLower(strings.ReplaceAll(s, "_", ""))
	sign := 1.0
	if v != "" && (v[0] == '-' || v[0] == '+') {
		if v[0] == '-' {
			sign = -1
		}
		v = v[1:]
	}
	if strings.Contains(v, "inf") || strings.Contains(v, "nan") {
		return cty.NilVal, false
	}
	if strings.Contains(v, ":") {
		parts := strings.Split(v, ":")
		f := 0.0
		for i, d := range parts {
			x, err := strconv.ParseFloat(d, 64)
			if err != nil || (i < len(parts)-1 && strings.Contains(d, ".")) {
				return cty.NilVal, false
			}
			f = f*60 + x
		}
		return cty.NumberFloatVal(sign * f), true
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(f, 0) {
		return cty.NilVal, false
	}
	return cty.NumberFloatVal(sign * f), true
}

// yaml11Timestamp writes a YAML timestamp as Ansible's JSON output does,
// through Python's isoformat(): 2001-12-14, 2001-12-14T21:59:43.100000-05:00.
func yaml11Timestamp(s string) (string, bool) {
	if yaml11Date.MatchString(s) {
		return s, validDate(s[:4], s[5:7], s[8:10])
	}
	m := yaml11Time.FindStringSubmatch(s)
	if m == nil || !validDate(m[1], m[2], m[3]) {
		return "", false
	}
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	hour, minute, sec := atoi(m[4]), atoi(m[5]), atoi(m[6])
	if hour > 23 || minute > 59 || sec > 59 {
		return "", false
	}
	out := fmt.Sprintf("%s-%02d-%02dT%02d:%02d:%02d", m[1], atoi(m[2]), atoi(m[3]), hour, minute, sec)
	if frac := m[7]; frac != "" {
		frac = (frac + "000000")[:6]
		if frac != "000000" {
			out += "." + frac
		}
	}
	switch {
	case m[8] == "Z":
		out += "+00:00"
	case m[9] != "":
		out += fmt.Sprintf("%s%02d:%02d", m[9], atoi(m[10]), atoi(m[11]))
	}
	return out, true
}

func validDate(y, mo, d string) bool {
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(mo)
	day, _ := strconv.Atoi(d)
	if year < 1 || month < 1 || month > 12 || day < 1 {
		return false
	}
	days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}
