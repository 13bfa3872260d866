// Package hcldepth refuses HCL sources nested too deeply before they are
// parsed. HCL's parser, and the evaluation and walks of what it builds,
// recurse once per level of nesting (brackets, blocks, templates, and
// each operator of a chain such as 1 + 1 + ...): a file nested 100,000
// deep ends the process with a Go stack overflow after a gigabyte of
// stack, which no recover can catch. The lexer does not recurse, so the
// tokens are counted first.
package hcldepth

import (
	"fmt"
	"os"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Limit is the deepest nesting a source may have: far beyond anything
// written by hand, and far below what the parser's stack can take.
const Limit = 256

// CheckConfig checks an HCL configuration file.
func CheckConfig(src []byte, filename string) *hcl.Diagnostic {
	toks, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	return check(toks)
}

// CheckTemplate checks a template (templatefile's files).
func CheckTemplate(src []byte, filename string) *hcl.Diagnostic {
	toks, _ := hclsyntax.LexTemplate(src, filename, hcl.InitialPos)
	return check(toks)
}

// CheckExpression checks one expression (a --var value).
func CheckExpression(src []byte, filename string) *hcl.Diagnostic {
	toks, _ := hclsyntax.LexExpression(src, filename, hcl.InitialPos)
	return check(toks)
}

// ParseHCLFile reads and parses a configuration file with parser, as
// parser.ParseHCLFile does, unless it nests deeper than Limit. A file
// refused is still recorded in the parser (with an empty body), so that
// the diagnostic shows where in it the limit was passed.
func ParseHCLFile(parser *hclparse.Parser, filename string) (*hcl.File, hcl.Diagnostics) {
	if f, ok := parser.Files()[filename]; ok {
		return f, nil
	}
	src, err := os.ReadFile(filename)
	if err != nil {
		return parser.ParseHCLFile(filename) // its own message for a file it cannot read
	}
	if d := CheckConfig(src, filename); d != nil {
		if lineLength(src, d.Subject.Start.Byte) <= maxSnippetLine {
			parser.AddFile(filename, &hcl.File{Bytes: src, Body: hcl.EmptyBody()})
		} else {
			d.Detail += fmt.Sprintf(" (Line %d is %d bytes long: too long to show.)", d.Subject.Start.Line, lineLength(src, d.Subject.Start.Byte))
		}
		return nil, hcl.Diagnostics{d}
	}
	return parser.ParseHCL(src, filename)
}

// maxSnippetLine is the longest line a diagnostic quotes: a file nested
// thousands deep on one line would print it whole.
const maxSnippetLine = 1000

// lineLength is the length of the line holding offset.
func lineLength(src []byte, offset int) int {
	start, end := offset, offset
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	for end < len(src) && src[end] != '\n' {
		end++
	}
	return end - start
}

// operators are the tokens of unary, binary and conditional operators: a
// chain of them nests as deep as it is long.
var operators = map[hclsyntax.TokenType]bool{
	hclsyntax.TokenPlus: true, hclsyntax.TokenMinus: true, hclsyntax.TokenStar: true, hclsyntax.TokenSlash: true,
	hclsyntax.TokenPercent: true, hclsyntax.TokenEqualOp: true, hclsyntax.TokenNotEqual: true,
	hclsyntax.TokenLessThan: true, hclsyntax.TokenLessThanEq: true, hclsyntax.TokenGreaterThan: true,
	hclsyntax.TokenGreaterThanEq: true, hclsyntax.TokenAnd: true, hclsyntax.TokenOr: true,
	hclsyntax.TokenBang: true, hclsyntax.TokenQuestion: true,
}

func opens(t hclsyntax.TokenType) bool {
	switch t {
	case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenTemplateInterp,
		hclsyntax.TokenTemplateControl, hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc:
		return true
	}
	return false
}

func closes(t hclsyntax.TokenType) bool {
	switch t {
	case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenTemplateSeqEnd,
		hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc:
		return true
	}
	return false
}

// check counts, at every token, the levels open (brackets, blocks,
// strings and templates, template if and for directives) plus the
// operators of the expressions being read at each level, and reports the
// first token where that passes Limit. A comma, or a newline in a body or
// an object, ends an expression.
func check(toks hclsyntax.Tokens) *hcl.Diagnostic {
	type level struct {
		open hclsyntax.TokenType
		ops  int
	}
	stack := []level{{open: hclsyntax.TokenNil}} // the file's own body
	depth := 0                                   // len(stack)-1 + every level's ops + directives
	directives := 0
	for i, tok := range toks {
		top := &stack[len(stack)-1]
		switch {
		case opens(tok.Type):
			stack = append(stack, level{open: tok.Type})
			depth++
			if tok.Type == hclsyntax.TokenTemplateControl && i+1 < len(toks) && toks[i+1].Type == hclsyntax.TokenIdent {
				switch string(toks[i+1].Bytes) {
				case "if", "for":
					directives++
					depth++
				case "endif", "endfor":
					if directives > 0 {
						directives--
						depth--
					}
				}
			}
		case closes(tok.Type):
			if len(stack) > 1 {
				depth -= 1 + top.ops
				stack = stack[:len(stack)-1]
			}
		case operators[tok.Type]:
			top.ops++
			depth++
		case tok.Type == hclsyntax.TokenComma,
			tok.Type == hclsyntax.TokenNewline && (top.open == hclsyntax.TokenNil || top.open == hclsyntax.TokenOBrace):
			depth -= top.ops
			top.ops = 0
		}
		if depth > Limit {
			return &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Nesting too deep",
				Detail: fmt.Sprintf("Here (line %d, column %d) the file nests blocks, brackets, strings, templates and operators "+
					"more than %d deep (each operator of a chain such as 1 + 1 + ... counts as a level). switchback reads no deeper: "+
					"flatten the structure, or split the expression into locals.", tok.Range.Start.Line, tok.Range.Start.Column, Limit),
				Subject: tok.Range.Ptr(),
			}
		}
	}
	return nil
}
