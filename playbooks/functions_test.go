package playbooks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// evalIn evaluates expr with the function table of dir.
func evalIn(t *testing.T, dir, expr string) (cty.Value, hcl.Diagnostics) {
	t.Helper()
	e, diags := hclsyntax.ParseExpression([]byte(expr), "expr.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", expr, diags.Error())
	}
	return e.Value(&hcl.EvalContext{Functions: Functions(dir)})
}

type fnCase struct {
	expr string
	want string // the result as JSON, or the start of the error
}

func checkFunctions(t *testing.T, dir string, cases []fnCase) {
	t.Helper()
	for _, c := range cases {
		val, diags := evalIn(t, dir, c.expr)
		if strings.HasPrefix(c.want, "error: ") {
			want := strings.TrimPrefix(c.want, "error: ")
			if !diags.HasErrors() {
				t.Errorf("%s = %#v, want an error containing %q", c.expr, val, want)
			} else if !strings.Contains(diags.Error(), want) {
				t.Errorf("%s: error %q does not contain %q", c.expr, diags.Error(), want)
			}
			continue
		}
		if diags.HasErrors() {
			t.Errorf("%s: %s", c.expr, diags.Error())
			continue
		}
		got, err := evalJSON(val)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
		} else if got != c.want {
			t.Errorf("%s = %s, want %s", c.expr, got, c.want)
		}
	}
}

func evalJSON(v cty.Value) (string, error) {
	out, err := Functions("")["jsonencode"].Call([]cty.Value{v})
	if err != nil {
		return "", err
	}
	return out.AsString(), nil
}

func TestNumberFunctions(t *testing.T) {
	checkFunctions(t, "", []fnCase{
		{`abs(-3)`, `3`},
		{`ceil(1.2)`, `2`},
		{`floor(1.8)`, `1`},
		{`log(8, 2)`, `3`},
		{`max(1, 7, 3)`, `7`},
		{`min(4, 2)`, `2`},
		{`parseint("ff", 16)`, `255`},
		{`pow(2, 10)`, `1024`},
		{`signum(-9)`, `-1`},
		{`parseint("zz", 10)`, `error: cannot parse "zz" as a base 10 integer`},
		{`max()`, `error: must pass at least one number`},
	})
}

func TestStringFunctions(t *testing.T) {
	checkFunctions(t, "", []fnCase{
		{`chomp("a\n")`, `"a"`},
		{`format("%s-%03d", "web", 7)`, `"web-007"`},
		{`formatlist("%s.lan", ["a", "b"])`, `["a.lan","b.lan"]`},
		{`indent(2, "a\nb")`, `"a\n  b"`},
		{`join(",", ["a", "b"])`, `"a,b"`},
		{`lower("AB")`, `"ab"`},
		{`upper("ab")`, `"AB"`},
		{`title("web server")`, `"Web Server"`},
		{`regex("([a-z]+)-([0-9]+)", "web-12")`, `["web","12"]`},
		{`regexall("[0-9]", "a1b2")`, `["1","2"]`},
		{`regexreplace("a1b22", "[0-9]+", "#")`, `"a#b#"`},
		{`replace("a.b.c", ".", "/")`, `"a/b/c"`},
		{`shellquote("it's")`, `"'it'\\''s'"`},
		{`split(",", "a,b")`, `["a","b"]`},
		{`strlen("héllo")`, `5`},
		{`length("héllo")`, `5`},
		{`length(["a", "b"])`, `2`},
		{`strrev("abc")`, `"cba"`},
		{`substr("switchback", 0, 6)`, `"switch"`},
		{`trim("--a--", "-")`, `"a"`},
		{`trimprefix("web01", "web")`, `"01"`},
		{`trimsuffix("a.hcl", ".hcl")`, `"a"`},
		{`trimspace("  a ")`, `"a"`},
		{`regex("(", "x")`, `error: invalid regexp pattern: missing closing )`},
		{`regex("[0-9]", "abc")`, `error: pattern did not match`},
		{`format("%d", "x")`, `error: unsupported value for "%d"`},
	})
}

func TestCollectionFunctions(t *testing.T) {
	checkFunctions(t, "", []fnCase{
		{`chunklist(["a", "b", "c"], 2)`, `[["a","b"],["c"]]`},
		{`coalesce(null, "b")`, `"b"`},
		{`coalescelist([], ["x"])`, `["x"]`},
		{`compact(["a", "", "b"])`, `["a","b"]`},
		{`concat(["a"], ["b"])`, `["a","b"]`},
		{`contains(["a"], "a")`, `true`},
		{`distinct(["a", "a", "b"])`, `["a","b"]`},
		{`element(["a", "b"], 3)`, `"b"`},
		{`flatten([["a"], ["b", ["c"]]])`, `["a","b","c"]`},
		{`index(["a", "b"], "b")`, `1`},
		{`keys({ b = 1, a = 2 })`, `["a","b"]`},
		{`lookup({ a = "x" }, "b", "dflt")`, `"dflt"`},
		{`merge({ a = 1 }, { b = 2 })`, `{"a":1,"b":2}`},
		{`range(3)`, `[0,1,2]`},
		{`reverse([1, 2])`, `[2,1]`},
		{`setintersection(["a", "b"], ["b"])`, `["b"]`},
		{`length(setproduct(["a", "b"], ["x", "y"]))`, `4`},
		{`setsubtract(["a", "b"], ["a"])`, `["b"]`},
		{`setunion(["a"], ["b"])`, `["a","b"]`},
		{`slice(["a", "b", "c"], 1, 3)`, `["b","c"]`},
		{`sort(["b", "a"])`, `["a","b"]`},
		{`values({ a = 1, b = 2 })`, `[1,2]`},
		{`zipmap(["a"], [1])`, `{"a":1}`},
		{`element([], 0)`, `error: cannot use element function with an empty list`},
		{`slice(["a"], 0, 5)`, `error: end index must not be greater than the length of the list`},
		{`index(["a"], "z")`, `error: "z" is not in the list`},
		{`index("ab", "a")`, `error: index looks in a list`},
		{`range(1, 2, 0)`, `error: more than 1024 values`},
	})
}

func TestEncodingAndTimeFunctions(t *testing.T) {
	checkFunctions(t, "", []fnCase{
		{`base64encode("héllo")`, `"aMOpbGxv"`},
		{`base64decode("aMOpbGxv")`, `"héllo"`},
		{`csvdecode("a,b\n1,2\n")`, `[{"a":"1","b":"2"}]`},
		{`jsondecode("{\"a\":[1]}")`, `{"a":[1]}`},
		{`jsonencode({ a = "b" })`, `"{\"a\":\"b\"}"`},
		{`formatdate("YYYY-MM-DD hh:mm", "2024-02-29T23:30:00Z")`, `"2024-02-29 23:30"`},
		{`timeadd("2024-02-29T23:30:00Z", "1h")`, `"2024-03-01T00:30:00Z"`},
		{`base64decode("!!")`, `error: not valid base64`},
		{`base64decode("/w==")`, `error: not UTF-8 text`},
		{`jsondecode("{")`, `error: `},
		{`formatdate("YYYY", "yesterday")`, `error: not a valid RFC3339 timestamp`},
		{`timeadd("2024-01-01T00:00:00Z", "1 day")`, `error: `},
	})
}

func TestTypeFunctions(t *testing.T) {
	checkFunctions(t, "", []fnCase{
		{`tostring(5)`, `"5"`},
		{`tonumber("5")`, `5`},
		{`tobool("true")`, `true`},
		{`tolist(["a", "b"])`, `["a","b"]`},
		{`toset(["a", "a"])`, `["a"]`},
		{`tomap({ a = "b" })`, `{"a":"b"}`},
		{`convert("3", number)`, `3`},
		{`try(tonumber("x"), 7)`, `7`},
		{`can(regex("^a", "abc"))`, `true`},
		{`can(regex("^b", "abc"))`, `false`},
		{`tonumber("x")`, `error: cannot convert "x" to number`},
		{`try(tonumber("x"))`, `error: cannot convert "x" to number`},
	})
}

func TestFileFunctions(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("motd.txt", "welcome\n")
	write("files/motd.tmpl", "Hello ${name}, %{ for p in ports }${p} %{ endfor }${upper(env)}")
	write("single.tmpl", "${ports}")
	write("nested.tmpl", `${templatefile("single.tmpl", { ports = 1 })}`)
	write("missing-var.tmpl", "a\n${nope}")
	write("broken.tmpl", "${")
	write("binary.bin", "\xff\xfe")
	abs := filepath.Join(dir, "motd.txt")
	checkFunctions(t, dir, []fnCase{
		{`file("motd.txt")`, `"welcome\n"`},
		{`file("` + abs + `")`, `"welcome\n"`},
		{`fileexists("motd.txt")`, `true`},
		{`fileexists("nope.txt")`, `false`},
		{`templatefile("files/motd.tmpl", { name = "web", ports = [22, 80], env = "prod" })`, `"Hello web, 22 80 PROD"`},
		{`templatefile("single.tmpl", { ports = [22] })`, `[22]`},
		{`file("nope.txt")`, `error: no file ` + filepath.Join(dir, "nope.txt") + ` (relative paths start at the playbook's directory`},
		{`file("binary.bin")`, `error: binary.bin is not UTF-8 text`},
		{`file("files")`, `error: files is not a regular file`},
		{`file("/dev/zero")`, `error: /dev/zero is not a regular file`},
		{`fileexists("files")`, `error: files is not a regular file`},
		{`templatefile("nested.tmpl", {})`, `error: templatefile cannot be called from within a template`},
		{`templatefile("missing-var.tmpl", { a = 1, b = 2 })`, `error: missing-var.tmpl:2,3-7: the template uses "nope", which is not among the variables given (a, b)`},
		{`templatefile("broken.tmpl", {})`, `error: broken.tmpl:1`},
		{`templatefile("motd.txt", "x")`, `error: the second argument must be an object`},
		{`templatefile("nope.tmpl", {})`, `error: no file ` + filepath.Join(dir, "nope.tmpl")},
	})
}

// A failing call is reported at the call in the playbook, and a missing
// file by its path.
func TestFileErrorInPlaybook(t *testing.T) {
	_, diags := loadSource(t, `
playbook { name = "p" }
phase "p" {
  file "motd" {
    path    = "/etc/motd"
    content = file("motd.txt")
  }
}
`, nil, nil)
	wantError(t, diags, `Call to function "file" failed: no file`, "motd.txt", "p.hcl:6,15-20")
}

// Relative paths start at the playbook's directory, not at the working
// directory.
func TestFileRelativeToPlaybook(t *testing.T) {
	pb, diags := loadSource(t, `
playbook { name = "p" }
phase "p" {
  command "c" { run = "echo ${trimspace(file("motd.txt"))}" }
}
`, map[string]string{"motd.txt": "from beside the playbook\n"}, nil)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if run := runOf(t, pb); run != "echo from beside the playbook" {
		t.Errorf("run = %q", run)
	}
}
