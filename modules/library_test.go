package modules

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// decodeIn decodes a step written in a playbook file of dir, so that
// relative sources are found there.
func decodeIn(t *testing.T, dir, typ, body string, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(body), filepath.Join(dir, "site.hcl"), hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parse: %v", diags)
	}
	return Builtin().Decode(typ, f.Body, ctx)
}

// testKey is a PEM public key, as a .rsa.pub file holds one.
func testKey(t *testing.T) string {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}

// TestLibraryDecodeErrors: the new step types refuse wrong values with
// a summary and the line at fault.
func TestLibraryDecodeErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		typ, body string
		summary   string
		line      int
	}{
		{"apk", "packages = [\"sb-hello==1\"]", "Invalid package name", 1},
		{"apk", "packages = [\"sb-hello=1.0-r0\"]\nstate = \"absent\"", "Version in an absent package", 1},
		{"apk", "packages = [\"sb-hello=1.0-r0\"]\nstate = \"latest\"", "Version with state = \"latest\"", 1},
		{"apk", "packages = [\"a\"]\nstate = \"newest\"", "Invalid package state", 2},
		{"apk", "packages = []", "No packages", 1},
		{"apk", "packages = [\"a\"]\nrepositories = [\"/x\\n/y\"]", "Invalid repository", 2},
		{"apk", "packages = [\"a\"]\nvirtual = \"a b\"", "Invalid virtual package name", 2},
		{"apk", "packages = [\"a\"]\nvirtual = \".v\"\nstate = \"latest\"", "virtual with state = \"latest\"", 2},
		{"apk_repository", "repository = \"\"", "Invalid repository", 1},
		{"apk_repository", "repository = \"/r\"\nstate = \"on\"", "Invalid repository state", 2},
		{"apk_key", "name = \"k.rsa.pub\"\ncontent = \"not a key\"", "Invalid public key", 2},
		{"apk_key", "name = \"../k.rsa.pub\"\ncontent = \"\"", "Invalid key name", 1},
		{"apk_key", "name = \"k.rsa.pub\"", "Missing key", 1},
		{"apk_key", "name = \"k.rsa.pub\"\nsource = \"missing.pub\"", "Cannot read source", 2},
		{"copy", "source = \"missing\"\ndest = \"/x\"", "Cannot read source", 1},
		{"copy", "source = \"x.txt\"\ndest = \"x\"", "Invalid destination", 2},
		{"copy", "source = \"x.txt\"\ndest = \"/x\"\nvalidate = \"true\"", "validate lacks %s", 3},
		{"copy", "source = \"x.txt\"\ndest = \"/x\"\nmode = \"999\"", "Invalid mode", 3},
		{"template", "source = \"x.txt\"\ndest = \"/x\"\nvars = \"a\"", "Invalid vars", 3},
		{"openrc_script", "name = \"svc\"\ncontent = \"#!/bin/sh\\n\"", "Not an OpenRC script", 2},
		{"openrc_script", "name = \"a/b\"\ncontent = \"#!/sbin/openrc-run\\n\"", "Invalid service name", 1},
		{"script", "source = \"x.txt\"\ncreates = \"rel\"", "Relative path in creates", 2},
		{"command", "run = \"true\"\nremoves = \"rel\"", "Relative path in removes", 2},
		{"command", "run = \"true\"\nchanged_when = result.exit_code", "Invalid changed_when", 2},
		{"command", "run = \"true\"\nfailed_when = result.code == 1", "Unsupported attribute", 2},
		{"wait_for", "timeout = 3", "Wait for what?", 1},
		{"wait_for", "port = 80\npath = \"/x\"", "Wait for what?", 1},
		{"wait_for", "port = 70000", "Invalid port", 1},
		{"wait_for", "path = \"/x\"\ninterval = 10\ntimeout = 5", "Invalid interval", 2},
		{"assert", "that = [1 == 1, \"yes\"]", "Condition is not true or false", 1},
		{"assert", "that = []", "No conditions", 1},
	}
	for _, tt := range tests {
		_, diags := decodeIn(t, dir, tt.typ, tt.body, nil)
		if !diags.HasErrors() {
			t.Errorf("%s {%s}: no error", tt.typ, tt.body)
			continue
		}
		d := diags[0]
		if d.Summary != tt.summary {
			t.Errorf("%s {%s}: summary %q, want %q (%s)", tt.typ, tt.body, d.Summary, tt.summary, d.Detail)
		}
		if d.Subject == nil || d.Subject.Start.Line != tt.line {
			t.Errorf("%s {%s}: points at %v, want line %d", tt.typ, tt.body, d.Subject, tt.line)
		}
	}
}

func TestLibraryDecodeValid(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "k.pub"), []byte(testKey(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ typ, body, summary string }{
		{"apk", "packages = [\"sb-hello=1.0-r0\", \"sb-lib\"]", "packages present: sb-hello=1.0-r0, sb-lib"},
		{"apk", "update_cache = true\nupgrade = true", "update index; upgrade all"},
		{"apk", "packages = [\"sb-hello\"]\nvirtual = \".deps\"", "virtual .deps present: sb-hello"},
		{"apk", "repositories = [\"@x /mnt/x\"]\npackages = [\"a@x\"]\nstate = \"latest\"", "repositories @x /mnt/x; packages latest: a@x"},
		{"apk_key", "name = \"k.rsa.pub\"\nsource = \"k.pub\"", "trust apk key k.rsa.pub"},
		{"apk_repository", "repository = \"@edge https://dl/edge/main\"", "apk repository @edge https://dl/edge/main present"},
		{"openrc_script", "name = \"svc\"\ncontent = \"#!/sbin/openrc-run\\ncommand=/bin/true\\n\"", "init script /etc/init.d/svc (37 bytes)"},
		{"command", "run = \"x\"\nremoves = \"/a\"\nchanged_when = result.exit_code == 2", "run x (removes /a)"},
		{"wait_for", "port = 8080\ntimeout = 5", "wait for port 127.0.0.1:8080 (timeout 5s)"},
		{"assert", "that = [1 < 2, true]", "assert 2 condition(s)"},
	}
	for _, tt := range tests {
		m, diags := decodeIn(t, dir, tt.typ, tt.body, nil)
		if diags.HasErrors() {
			t.Errorf("%s {%s}: %v", tt.typ, tt.body, diags)
			continue
		}
		if got := m.Summary(); got != tt.summary {
			t.Errorf("%s {%s}: summary %q, want %q", tt.typ, tt.body, got, tt.summary)
		}
	}
}

// testTemplatefile is a templatefile of the test's own, resolving paths
// against dir as the playbook loader's resolves them against the
// playbook; it marks its output so the test sees it was used.
func testTemplatefile(dir string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := os.ReadFile(filepath.Join(dir, args[0].AsString()))
			if err != nil {
				return cty.NilVal, err
			}
			expr, diags := hclsyntax.ParseTemplate(b, args[0].AsString(), hcl.InitialPos)
			if diags.HasErrors() {
				return cty.NilVal, diags
			}
			vars := map[string]cty.Value{}
			for it := args[1].ElementIterator(); it.Next(); {
				k, v := it.Element()
				vars[k.AsString()] = v
			}
			v, diags := expr.Value(&hcl.EvalContext{Variables: vars})
			if diags.HasErrors() {
				return cty.NilVal, diags
			}
			return cty.StringVal("# via templatefile\n" + v.AsString()), nil
		},
	})
}

func TestTemplateRendering(t *testing.T) {
	dir := t.TempDir()
	tmpl := "port = ${port}\n%{ for u in users ~}\nallow ${upper(u)}\n%{ endfor ~}\nliteral $${x}\n"
	if err := os.WriteFile(filepath.Join(dir, "app.conf.tmpl"), []byte(tmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	body := "source = \"app.conf.tmpl\"\ndest = \"/etc/app.conf\"\nvars = { port = 8080, users = [\"ann\", \"bob\"] }"
	want := "port = 8080\nallow ANN\nallow BOB\nliteral ${x}\n"

	// Without a templatefile in the context: rendered here, with the
	// context's functions.
	ctx := &hcl.EvalContext{Functions: map[string]function.Function{"upper": stdlib.UpperFunc}}
	m, diags := decodeIn(t, dir, "template", body, ctx)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if got := m.(*Template).spec.Content; got != want {
		t.Errorf("rendered %q, want %q", got, want)
	}

	// With one: the playbook's function is the one used.
	ctx.Functions["templatefile"] = testTemplatefile(dir)
	tmplNoFunc := strings.ReplaceAll(tmpl, "upper(u)", "u")
	if err := os.WriteFile(filepath.Join(dir, "app.conf.tmpl"), []byte(tmplNoFunc), 0o644); err != nil {
		t.Fatal(err)
	}
	m, diags = decodeIn(t, dir, "template", body, ctx)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if got, want := m.(*Template).spec.Content, "# via templatefile\nport = 8080\nallow ann\nallow bob\nliteral ${x}\n"; got != want {
		t.Errorf("rendered %q, want %q", got, want)
	}

	// A missing variable is reported at the step.
	_, diags = decodeIn(t, dir, "template", "source = \"app.conf.tmpl\"\ndest = \"/etc/app.conf\"", ctx)
	if !diags.HasErrors() || diags[0].Summary != "Cannot render template" || !strings.Contains(diags[0].Detail, "port") {
		t.Errorf("missing variable: %v", diags)
	}
}

// TestAssertDecode: conditions are judged at decode, and a false one
// fails Check with where it was written.
func TestAssertDecode(t *testing.T) {
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"var": cty.ObjectVal(map[string]cty.Value{"n": cty.NumberIntVal(3)})}}
	m, diags := decodeIn(t, t.TempDir(), "assert", "that = [var.n > 1,\n  var.n < 2]\nfail_message = \"n out of range\"", ctx)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	_, err := m.Check(t.Context(), nil)
	if err == nil || !strings.Contains(err.Error(), "n out of range") || !strings.Contains(err.Error(), "site.hcl:2,") {
		t.Errorf("Check: %v", err)
	}
	m, _ = decodeIn(t, t.TempDir(), "assert", "that = [var.n == 3]", ctx)
	if p, err := m.Check(t.Context(), nil); err != nil || p.Change {
		t.Errorf("a true assertion: %v %v", p, err)
	}
}

// TestCommandJudges: failed_when and changed_when decide the outcome.
func TestCommandJudges(t *testing.T) {
	m, diags := decodeIn(t, t.TempDir(), "command",
		"run = \"x\"\nfailed_when = result.exit_code > 1 || length(regexall(\"FATAL\", result.stderr)) > 0\nchanged_when = result.exit_code == 0",
		&hcl.EvalContext{Functions: map[string]function.Function{"length": stdlib.LengthFunc, "regexall": stdlib.RegexAllFunc}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	c := m.(*Command)
	tests := []struct {
		out  hostcmd.Output
		want string // "changed", "unchanged" or "failed"
	}{
		{hostcmd.Output{ExitCode: 0}, "changed"},
		{hostcmd.Output{ExitCode: 1}, "unchanged"},
		{hostcmd.Output{ExitCode: 2}, "failed"},
		{hostcmd.Output{ExitCode: 0, Stderr: "FATAL: x"}, "failed"},
	}
	for _, tt := range tests {
		got := "changed"
		switch err := c.judgeResult(tt.out); {
		case err == ErrUnchanged:
			got = "unchanged"
		case err != nil:
			got = "failed"
		}
		if got != tt.want {
			t.Errorf("%+v: %s, want %s", tt.out, got, tt.want)
		}
	}
}
