package hcldepth

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// deep builds a playbook-shaped file whose one attribute nests n deep
// with the given construct.
func deep(construct string, n int) string {
	r := strings.Repeat
	var expr string
	switch construct {
	case "brackets":
		expr = r("[", n) + r("]", n)
	case "parens":
		expr = r("(", n) + "1" + r(")", n)
	case "objects":
		expr = r("{a = ", n) + "1" + r("}", n)
	case "unary":
		expr = r("!", n) + "true"
	case "negation":
		expr = r("-", n) + "1"
	case "binary":
		expr = r("1 + ", n) + "1"
	case "binary over lines":
		expr = "(" + r("1 +\n", n) + "1)"
	case "conditional":
		expr = r("true ? 1 : ", n) + "2"
	case "templates":
		expr = `"` + r(`${"`, n) + "x" + r(`"}`, n) + `"`
	case "directives":
		expr = `"` + r("%{if true}", n) + "x" + r("%{endif}", n) + `"`
	case "blocks":
		return "phase \"p\" {\n" + r("x {\n", n) + r("}\n", n) + "}\n"
	}
	return "locals {\n  a = " + expr + "\n}\n"
}

var constructs = []string{"brackets", "parens", "objects", "unary", "negation", "binary", "binary over lines",
	"conditional", "templates", "directives", "blocks"}

// TestDeepSourcesRefused: 5,000 deep, every construct is refused with
// a diagnostic at the place the limit is passed, before parsing; a few
// levels deep, it is let through and parses.
func TestDeepSourcesRefused(t *testing.T) {
	for _, c := range constructs {
		src := []byte(deep(c, 5000))
		d := CheckConfig(src, "deep.hcl")
		if d == nil || d.Severity != hcl.DiagError || d.Subject == nil || d.Subject.Filename != "deep.hcl" || !strings.Contains(d.Detail, "256") {
			t.Errorf("%s, 5000 deep: %v", c, d)
		}
		shallow := []byte(deep(c, 20))
		if d := CheckConfig(shallow, "shallow.hcl"); d != nil {
			t.Errorf("%s, 20 deep: refused: %s", c, d.Detail)
		}
		if _, diags := hclsyntax.ParseConfig(shallow, "shallow.hcl", hcl.InitialPos); diags.HasErrors() {
			t.Errorf("%s, 20 deep: the test's source does not parse: %v", c, diags)
		}
	}
}

// TestGeneratedNesting mixes constructs at random (fixed seed) into
// expressions of a known depth: refused exactly when deeper than Limit,
// and those let through parse and evaluate.
func TestGeneratedNesting(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 21))
	wraps := []struct {
		open, close string
		levels      int
	}{
		{"[", "]", 1}, {"(", ")", 1}, {"{a = ", "}", 1}, {"!", "", 1}, {"-", "", 1},
		{"1 + ", "", 1}, {"true ? ", " : 2", 1}, {`"${`, `}"`, 2}, {"[1, ", ", 2]", 1},
	}
	for i := range 300 {
		target := Limit - 40 + rng.IntN(80)
		var open, close strings.Builder
		depth := 1 // the locals block
		var closes []string
		for depth < target {
			w := wraps[rng.IntN(len(wraps))]
			if depth+w.levels > target {
				continue
			}
			open.WriteString(w.open)
			closes = append(closes, w.close)
			depth += w.levels
		}
		for j := len(closes) - 1; j >= 0; j-- {
			close.WriteString(closes[j])
		}
		src := []byte("locals {\n  a = " + open.String() + "1" + close.String() + "\n}\n")
		d := CheckConfig(src, "gen.hcl")
		if (d != nil) != (depth > Limit) {
			t.Fatalf("case %d, %d deep: refused=%v\n%s", i, depth, d != nil, src)
		}
		if d != nil {
			continue
		}
		f, diags := hclsyntax.ParseConfig(src, "gen.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("case %d: %v\n%s", i, diags, src)
		}
		attrs, _ := f.Body.(*hclsyntax.Body).Blocks[0].Body.JustAttributes()
		_, _ = attrs["a"].Expr.Value(nil) // type errors are fine: it must not crash
	}
}

// TestParseHCLFile: the parser's file is refused with the diagnostic and
// kept for its snippet; a file within the limit parses as usual.
func TestParseHCLFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deep.hcl")
	if err := os.WriteFile(path, []byte(strings.Replace(deep("brackets", 300), "[", "\n[", -1)), 0o644); err != nil {
		t.Fatal(err)
	}
	p := hclparse.NewParser()
	if _, diags := ParseHCLFile(p, path); !diags.HasErrors() || diags[0].Summary != "Nesting too deep" || diags[0].Subject.Start.Line != 258 {
		t.Errorf("diags: %v", diags)
	}
	if f := p.Files()[path]; f == nil || len(f.Bytes) == 0 {
		t.Error("the refused file is not kept for its snippet")
	}
	ok := filepath.Join(dir, "ok.hcl")
	if err := os.WriteFile(ok, []byte(deep("brackets", 5)), 0o644); err != nil {
		t.Fatal(err)
	}
	if f, diags := ParseHCLFile(p, ok); diags.HasErrors() || f == nil {
		t.Errorf("a shallow file: %v", diags)
	}
}

func BenchmarkCheckConfig100000(b *testing.B) {
	src := []byte(deep("brackets", 100000))
	b.ReportAllocs()
	for b.Loop() {
		if CheckConfig(src, "deep.hcl") == nil {
			b.Fatal("not refused")
		}
	}
}
