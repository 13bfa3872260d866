package inventory

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// Values of INI host lines, read as Python's ast.literal_eval reads them
// (the ini plugin's documentation: "interpreted as Python literal
// structures (strings, numbers, tuples, lists, dicts, booleans, None)").
func TestPyValue(t *testing.T) {
	tests := []struct {
		in   string
		want cty.Value
	}{
		{"80", cty.NumberIntVal(80)},
		{"-3", cty.NumberIntVal(-3)},
		{"1_000", cty.NumberIntVal(1000)},
		{"0x1F", cty.NumberIntVal(31)},
		{"0o17", cty.NumberIntVal(15)},
		{"2.5", cty.NumberFloatVal(2.5)},
		{"1e3", cty.NumberFloatVal(1000)},
		{"True", cty.True},
		{"False", cty.False},
		{"None", cty.NullVal(cty.DynamicPseudoType)},
		{"'03#pa33w0rd'", cty.StringVal("03#pa33w0rd")},
		{`"a b"`, cty.StringVal("a b")},
		{`'it\'s'`, cty.StringVal("it's")},
		{`u'\u00e9t\xe9'`, cty.StringVal("été")},
		{"[1, 'a']", cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.StringVal("a")})},
		{"(1,)", cty.TupleVal([]cty.Value{cty.NumberIntVal(1)})},
		{"[]", cty.EmptyTupleVal},
		{"{'a': 1, 'b': [True]}", cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1), "b": cty.TupleVal([]cty.Value{cty.True})})},
		{"{}", cty.EmptyObjectVal},
		{"{1, 2}", cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.NumberIntVal(2)})},
		// Not Python literals: they stay the strings they are.
		{"true", cty.StringVal("true")},
		{"FALSE", cty.StringVal("FALSE")},
		{"10.0.0.1", cty.StringVal("10.0.0.1")},
		{"007", cty.StringVal("007")},
		{"80abc", cty.StringVal("80abc")},
		{"/usr/bin/python3", cty.StringVal("/usr/bin/python3")},
		{"[1, 2", cty.StringVal("[1, 2")},
		{"'unclosed", cty.StringVal("'unclosed")},
		{"", cty.StringVal("")},
		{"1e999", cty.StringVal("1e999")},
		{"1j", cty.StringVal("1j")},
	}
	for _, tt := range tests {
		got := pyValue(tt.in)
		if !got.RawEquals(tt.want) && !(got.Type().Equals(tt.want.Type()) && got.Equals(tt.want).True()) {
			t.Errorf("pyValue(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}
