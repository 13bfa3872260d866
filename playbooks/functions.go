package playbooks

import (
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/switchbackhq/switchback/internal/hcldepth"
)

// Functions is the one function table of every playbook expression.
// baseDir is the playbook's directory: file, fileexists and templatefile
// resolve relative paths against it, so a playbook reads the same files
// whatever directory switchback is started from. The table is built per
// call so no caller can alter another's.
func Functions(baseDir string) map[string]function.Function {
	fns := baseFunctions()
	fns["file"] = fileFunc(baseDir)
	fns["fileexists"] = fileExistsFunc(baseDir)
	fns["templatefile"] = templateFileFunc(baseDir)
	return fns
}

// baseFunctions are the functions that need no file system.
func baseFunctions() map[string]function.Function {
	return map[string]function.Function{
		// numbers
		"abs":      stdlib.AbsoluteFunc,
		"ceil":     stdlib.CeilFunc,
		"floor":    stdlib.FloorFunc,
		"log":      stdlib.LogFunc,
		"max":      stdlib.MaxFunc,
		"min":      stdlib.MinFunc,
		"parseint": stdlib.ParseIntFunc,
		"pow":      stdlib.PowFunc,
		"signum":   stdlib.SignumFunc,

		// strings
		"chomp":        stdlib.ChompFunc,
		"format":       stdlib.FormatFunc,
		"formatlist":   stdlib.FormatListFunc,
		"indent":       stdlib.IndentFunc,
		"join":         stdlib.JoinFunc,
		"lower":        stdlib.LowerFunc,
		"regex":        stdlib.RegexFunc,
		"regexall":     stdlib.RegexAllFunc,
		"regexreplace": stdlib.RegexReplaceFunc,
		"replace":      stdlib.ReplaceFunc,
		"shellquote":   shellQuoteFunc,
		"split":        stdlib.SplitFunc,
		"strlen":       stdlib.StrlenFunc,
		"strrev":       stdlib.ReverseFunc,
		"substr":       stdlib.SubstrFunc,
		"title":        stdlib.TitleFunc,
		"trim":         stdlib.TrimFunc,
		"trimprefix":   stdlib.TrimPrefixFunc,
		"trimspace":    stdlib.TrimSpaceFunc,
		"trimsuffix":   stdlib.TrimSuffixFunc,
		"upper":        stdlib.UpperFunc,

		// collections
		"chunklist":       stdlib.ChunklistFunc,
		"coalesce":        stdlib.CoalesceFunc,
		"coalescelist":    stdlib.CoalesceListFunc,
		"compact":         stdlib.CompactFunc,
		"concat":          stdlib.ConcatFunc,
		"contains":        stdlib.ContainsFunc,
		"distinct":        stdlib.DistinctFunc,
		"element":         stdlib.ElementFunc,
		"flatten":         stdlib.FlattenFunc,
		"index":           indexFunc,
		"keys":            stdlib.KeysFunc,
		"length":          lengthFunc,
		"lookup":          stdlib.LookupFunc,
		"merge":           stdlib.MergeFunc,
		"range":           stdlib.RangeFunc,
		"reverse":         stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc,
		"setproduct":      stdlib.SetProductFunc,
		"setsubtract":     stdlib.SetSubtractFunc,
		"setunion":        stdlib.SetUnionFunc,
		"slice":           stdlib.SliceFunc,
		"sort":            stdlib.SortFunc,
		"values":          stdlib.ValuesFunc,
		"zipmap":          stdlib.ZipmapFunc,

		// encodings
		"base64decode": base64DecodeFunc,
		"base64encode": base64EncodeFunc,
		"csvdecode":    stdlib.CSVDecodeFunc,
		"jsondecode":   stdlib.JSONDecodeFunc,
		"jsonencode":   stdlib.JSONEncodeFunc,

		// dates and times (RFC 3339 timestamps)
		"formatdate": stdlib.FormatDateFunc,
		"timeadd":    stdlib.TimeAddFunc,

		// types and errors
		"can":      tryfunc.CanFunc,
		"convert":  typeexpr.ConvertFunc,
		"tobool":   stdlib.MakeToFunc(cty.Bool),
		"tolist":   stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":    stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber": stdlib.MakeToFunc(cty.Number),
		"toset":    stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring": stdlib.MakeToFunc(cty.String),
		"try":      tryfunc.TryFunc,
	}
}

// lengthFunc counts the characters of a string as well as the elements
// of a collection.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if args[0].Type() == cty.String {
			return stdlib.Strlen(args[0])
		}
		return stdlib.Length(args[0])
	},
})

// indexFunc finds the first position of a value in a list.
var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
		{Name: "value", Type: cty.DynamicPseudoType},
	},
	Type: function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		list, want := args[0], args[1]
		if !(list.Type().IsListType() || list.Type().IsTupleType()) {
			return cty.NilVal, errors.New("index looks in a list: index([\"a\", \"b\"], \"b\") is 1")
		}
		for it := list.ElementIterator(); it.Next(); {
			i, v := it.Element()
			if eq := v.Equals(want); eq.IsKnown() && eq.True() {
				return i, nil
			}
		}
		return cty.NilVal, fmt.Errorf("%s is not in the list", ctyString(want))
	},
})

// ctyString shows a value in messages as HCL would write it.
func ctyString(v cty.Value) string {
	if v.Type() == cty.String {
		return fmt.Sprintf("%q", v.AsString())
	}
	if b, err := ctyjson.Marshal(v, v.Type()); err == nil {
		return string(b)
	}
	return v.GoString()
}

var base64EncodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.StringVal(base64.StdEncoding.EncodeToString([]byte(args[0].AsString()))), nil
	},
})

var base64DecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		b, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.NilVal, fmt.Errorf("not valid base64: %w", err)
		}
		if !utf8.Valid(b) {
			return cty.NilVal, errors.New("the decoded bytes are not UTF-8 text, which is all a playbook value can hold")
		}
		return cty.StringVal(string(b)), nil
	},
})

// maxFileSize bounds what file and templatefile read: their text ends
// up in memory and often in commands sent to every host.
const maxFileSize = 16 << 20

// resolvePath makes a path given in the playbook relative to its directory.
func resolvePath(baseDir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(baseDir, path)
}

// readTextFile reads a file a playbook names; errors name the path as
// resolved, so a wrong base directory is visible at once.
func readTextFile(baseDir, path string) (string, error) {
	full := resolvePath(baseDir, path)
	fi, err := os.Stat(full)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("no file %s (relative paths start at the playbook's directory, %s)", full, baseDir)
	case err != nil:
		return "", fmt.Errorf("cannot read %s: %w", full, errors.Unwrap(err))
	case !fi.Mode().IsRegular():
		// A device or a pipe could be read without end.
		return "", fmt.Errorf("%s is not a regular file", full)
	case fi.Size() > maxFileSize:
		return "", fmt.Errorf("%s has %d bytes; a playbook reads files of at most %d", full, fi.Size(), maxFileSize)
	}
	b, err := os.ReadFile(full)
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", full, errors.Unwrap(err))
	}
	if !utf8.Valid(b) {
		return "", fmt.Errorf("%s is not UTF-8 text", full)
	}
	return string(b), nil
}

func fileFunc(baseDir string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := readTextFile(baseDir, args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(s), nil
		},
	})
}

func fileExistsFunc(baseDir string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			full := resolvePath(baseDir, args[0].AsString())
			fi, err := os.Stat(full)
			switch {
			case errors.Is(err, os.ErrNotExist):
				return cty.False, nil
			case err != nil:
				return cty.NilVal, fmt.Errorf("cannot look at %s: %w", full, errors.Unwrap(err))
			case !fi.Mode().IsRegular():
				return cty.NilVal, fmt.Errorf("%s is not a regular file", full)
			}
			return cty.True, nil
		},
	})
}

// templateFileFunc renders an HCL template file with the variables given
// as its second argument and nothing else in scope, so a template reads
// the same wherever it is used. Templates may call every function except
// templatefile itself: a template including templates could recurse
// without end.
func templateFileFunc(baseDir string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return renderTemplate(baseDir, args[0].AsString(), args[1])
		},
	})
}

var nestedTemplateFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "path", Type: cty.String},
		{Name: "vars", Type: cty.DynamicPseudoType},
	},
	Type: function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
		return cty.NilVal, errors.New("templatefile cannot be called from within a template; render the inner template in the playbook and pass the result in as a variable")
	},
})

func renderTemplate(baseDir, path string, vars cty.Value) (cty.Value, error) {
	ty := vars.Type()
	if vars.IsNull() || !(ty.IsObjectType() || ty.IsMapType()) {
		return cty.NilVal, errors.New(`the second argument must be an object of the template's variables, e.g. { name = "web" }`)
	}
	src, err := readTextFile(baseDir, path)
	if err != nil {
		return cty.NilVal, err
	}
	full := resolvePath(baseDir, path)
	if d := hcldepth.CheckTemplate([]byte(src), full); d != nil {
		return cty.NilVal, fmt.Errorf("%s: %s", d.Subject, d.Detail)
	}
	tmpl, diags := hclsyntax.ParseTemplate([]byte(src), full, hcl.InitialPos)
	if diags.HasErrors() {
		return cty.NilVal, diagsError(diags)
	}
	scope := map[string]cty.Value{}
	for it := vars.ElementIterator(); it.Next(); {
		k, v := it.Element()
		name := k.AsString()
		if !hclsyntax.ValidIdentifier(name) {
			return cty.NilVal, fmt.Errorf("template variable %q is not a valid name (letters, digits, _ and -)", name)
		}
		scope[name] = v
	}
	// Name every missing variable at its place in the template.
	for _, tr := range tmpl.Variables() {
		if _, ok := scope[tr.RootName()]; !ok {
			given := make([]string, 0, len(scope))
			for n := range scope {
				given = append(given, n)
			}
			sort.Strings(given)
			return cty.NilVal, fmt.Errorf("%s: the template uses %q, which is not among the variables given (%s)",
				tr.SourceRange(), tr.RootName(), strings.Join(given, ", "))
		}
	}
	fns := baseFunctions()
	fns["file"] = fileFunc(baseDir)
	fns["fileexists"] = fileExistsFunc(baseDir)
	fns["templatefile"] = nestedTemplateFunc
	val, diags := tmpl.Value(&hcl.EvalContext{Variables: scope, Functions: fns})
	if diags.HasErrors() {
		return cty.NilVal, diagsError(diags)
	}
	return val, nil
}

// diagsError flattens the errors of a template into one function error;
// each keeps its place in the template file.
func diagsError(diags hcl.Diagnostics) error {
	var msgs []string
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		if d.Subject != nil {
			msg = d.Subject.String() + ": " + msg
		}
		msgs = append(msgs, msg)
	}
	return errors.New(strings.Join(msgs, "; "))
}
