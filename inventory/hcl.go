package inventory

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/switchbackhq/switchback/internal/diag"
	"github.com/switchbackhq/switchback/internal/hcldepth"
)

// The attributes of the blocks of an HCL inventory. Connection settings
// may be given in defaults, in groups and in hosts; address only in hosts.

type hostBlock struct {
	Address      *string        `hcl:"address,optional"`
	Port         *int           `hcl:"port,optional"`
	User         *string        `hcl:"user,optional"`
	IdentityFile *string        `hcl:"identity_file,optional"`
	Become       *bool          `hcl:"become,optional"`
	BecomeMethod *string        `hcl:"become_method,optional"`
	Jump         *string        `hcl:"jump,optional"`
	Vars         *hcl.Attribute `hcl:"vars,optional"`
	DependsOn    []string       `hcl:"depends_on,optional"`
}

type defaultsBlock struct {
	Port         *int           `hcl:"port,optional"`
	User         *string        `hcl:"user,optional"`
	IdentityFile *string        `hcl:"identity_file,optional"`
	Become       *bool          `hcl:"become,optional"`
	BecomeMethod *string        `hcl:"become_method,optional"`
	Jump         *string        `hcl:"jump,optional"`
	Vars         *hcl.Attribute `hcl:"vars,optional"`
}

type groupBlock struct {
	Hosts        []string       `hcl:"hosts,optional"`
	Children     []string       `hcl:"children,optional"`
	Port         *int           `hcl:"port,optional"`
	User         *string        `hcl:"user,optional"`
	IdentityFile *string        `hcl:"identity_file,optional"`
	Become       *bool          `hcl:"become,optional"`
	BecomeMethod *string        `hcl:"become_method,optional"`
	Jump         *string        `hcl:"jump,optional"`
	Vars         *hcl.Attribute `hcl:"vars,optional"`
}

var fileSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "defaults"},
		{Type: "host", LabelNames: []string{"name"}},
		{Type: "group", LabelNames: []string{"name"}},
	},
}

// LoadHCL reads an HCL inventory. The parser is the caller's, so that
// diagnostics print with their source lines.
func LoadHCL(parser *hclparse.Parser, path string) (*Inventory, hcl.Diagnostics) {
	f, diags := hcldepth.ParseHCLFile(parser, path)
	if diags.HasErrors() {
		return nil, diags
	}
	m := newModel()
	diags = append(diags, decodeHCL(m, f, filepath.Dir(path))...)
	return finish(m, path, diags)
}

// finish resolves the model unless loading failed; an inventory only
// comes back without errors.
func finish(m *model, path string, diags hcl.Diagnostics) (*Inventory, hcl.Diagnostics) {
	inv, more := m.resolve(path)
	diags = append(diags, more...)
	if diags.HasErrors() {
		return nil, diags
	}
	return inv, diags
}

// decodeHCL adds an HCL inventory file to m; base is the directory that
// relative identity files are relative to.
func decodeHCL(m *model, f *hcl.File, base string) hcl.Diagnostics {
	content, diags := f.Body.Content(fileSchema)

	var seenDefaults bool
	all := m.groupByName["all"]
	for _, b := range content.Blocks {
		if b.Type != "defaults" {
			continue
		}
		if seenDefaults {
			diags = append(diags, errorAt(b.DefRange, "Duplicate defaults block", "An inventory has at most one defaults block; merge the two."))
			continue
		}
		seenDefaults = true
		var d defaultsBlock
		moreDiags := gohcl.DecodeBody(b.Body, nil, &d)
		l, connDiags := hclLevel(b.Body, conn{port: d.Port, user: d.User, identityFile: d.IdentityFile,
			become: d.Become, becomeMethod: d.BecomeMethod, jump: d.Jump}, d.Vars, base)
		diags = append(append(diags, moreDiags...), connDiags...)
		all.inv = append(all.inv, l)
	}

	hostBlocks := map[string]*hcl.Block{}
	for _, b := range content.Blocks {
		if b.Type != "host" {
			continue
		}
		names, rerr := expandRanges(b.Labels[0])
		if rerr != nil {
			diags = append(diags, rangeDiag(labelSubRange(b.LabelRanges[0], rerr), rerr))
			continue
		}
		if dup := duplicateHost(hostBlocks, names, b); dup != nil {
			diags = append(diags, dup)
			continue
		}
		var hb hostBlock
		moreDiags := gohcl.DecodeBody(b.Body, nil, &hb)
		l, connDiags := hclLevel(b.Body, conn{address: hb.Address, port: hb.Port, user: hb.User, identityFile: hb.IdentityFile,
			become: hb.Become, becomeMethod: hb.BecomeMethod, jump: hb.Jump}, hb.Vars, base)
		moreDiags = append(moreDiags, connDiags...)
		diags = append(diags, moreDiags...)
		var deps []ref
		for i, d := range hb.DependsOn {
			deps = append(deps, ref{name: d, rng: elementRange(b.Body, "depends_on", i), strict: true})
		}
		for _, name := range names {
			hostBlocks[name] = b
			h := m.host(name, b.DefRange)
			if !moreDiags.HasErrors() {
				h.inv = append(h.inv, l)
			}
			h.deps = append(h.deps, deps...)
		}
	}

	groupBlocks := map[string]*hcl.Block{}
	for _, b := range content.Blocks {
		if b.Type != "group" {
			continue
		}
		name := b.Labels[0]
		if prev, dup := groupBlocks[name]; dup {
			diags = append(diags, diag.Duplicate("Duplicate group", fmt.Sprintf("Group %q", name), prev.DefRange, b.LabelRanges[0], ""))
			continue
		}
		if name == "all" || hostBlocks[name] != nil {
			diags = append(diags, errorAt(b.LabelRanges[0], "Group name already taken",
				fmt.Sprintf("%q is already the name of a host or of the built-in group \"all\"; patterns could not tell them apart. Rename the group.", name)))
			continue
		}
		if name == "ungrouped" {
			diags = append(diags, errorAt(b.LabelRanges[0], "Group name already taken",
				"\"ungrouped\" is the built-in group of the hosts that belong to no other group. Rename the group."))
			continue
		}
		groupBlocks[name] = b
		g := m.group(name, b.DefRange)
		var gb groupBlock
		moreDiags := gohcl.DecodeBody(b.Body, nil, &gb)
		diags = append(diags, moreDiags...)
		if moreDiags.HasErrors() {
			continue
		}
		for i, member := range gb.Hosts {
			r := elementRange(b.Body, "hosts", i)
			names, rerr := expandRanges(member)
			if rerr != nil {
				diags = append(diags, rangeDiag(labelSubRange(r, rerr), rerr))
				continue
			}
			for _, n := range names {
				g.memberRefs = append(g.memberRefs, ref{name: n, rng: r, strict: true})
			}
		}
		for i, child := range gb.Children {
			g.childRefs = append(g.childRefs, ref{name: child, rng: elementRange(b.Body, "children", i), strict: true})
		}
		l, connDiags := hclLevel(b.Body, conn{port: gb.Port, user: gb.User, identityFile: gb.IdentityFile,
			become: gb.Become, becomeMethod: gb.BecomeMethod, jump: gb.Jump}, gb.Vars, base)
		diags = append(diags, connDiags...)
		g.inv = append(g.inv, l)
	}
	return diags
}

// duplicateHost reports the first name of a host block (a range may give
// several) that an earlier block already declared.
func duplicateHost(seen map[string]*hcl.Block, names []string, b *hcl.Block) *hcl.Diagnostic {
	for _, name := range names {
		if prev, dup := seen[name]; dup {
			return diag.Duplicate("Duplicate host", fmt.Sprintf("Host %q", name), prev.DefRange, b.LabelRanges[0], "")
		}
	}
	return nil
}

// hclLevel checks settings that decode but cannot work, and evaluates vars.
func hclLevel(body hcl.Body, s conn, vars *hcl.Attribute, base string) (level, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	if s.port != nil && (*s.port < 1 || *s.port > 65535) {
		diags = append(diags, portError(elementRange(body, "port", -1), strconv.Itoa(*s.port)))
	}
	if s.address != nil && strings.TrimSpace(*s.address) == "" {
		diags = append(diags, errorAt(elementRange(body, "address", -1), "Empty address",
			"Give the host's DNS name or IP address, or leave address out to use the host's name."))
	}
	if s.becomeMethod != nil {
		if d := checkBecomeMethod(*s.becomeMethod, elementRange(body, "become_method", -1)); d != nil {
			diags = append(diags, d)
		}
	}
	if s.jump != nil {
		if d := checkJump(*s.jump, elementRange(body, "jump", -1)); d != nil {
			diags = append(diags, d)
		}
	}
	if s.identityFile != nil {
		p := expandPath(*s.identityFile, base)
		s.identityFile = &p
	}
	l := level{vars: map[string]cty.Value{}, conn: s}
	if vars == nil {
		return l, diags
	}
	v, moreDiags := vars.Expr.Value(nil)
	diags = append(diags, moreDiags...)
	if moreDiags.HasErrors() || v.IsNull() {
		return l, diags
	}
	if !v.Type().IsObjectType() && !v.Type().IsMapType() {
		return l, append(diags, errorAt(vars.Expr.Range(), "Invalid vars",
			fmt.Sprintf("vars must be an object of variables, as in vars = { ntp_server = \"ntp.example.com\" }, not %s.", v.Type().FriendlyName())))
	}
	for it := v.ElementIterator(); it.Next(); {
		k, val := it.Element()
		l.vars[k.AsString()] = val
	}
	return l, diags
}

// labelSubRange narrows r, the range of a quoted label or string, to the
// part of it a range error is about.
func labelSubRange(r hcl.Range, e *rangeError) hcl.Range {
	start, end := r.Start, r.Start
	// One column for the opening quote; names are rarely written with escapes.
	start.Column += 1 + e.start
	start.Byte += 1 + e.start
	end.Column += 1 + e.end
	end.Byte += 1 + e.end
	if end.Byte > r.End.Byte || start.Line != r.End.Line {
		return r
	}
	return hcl.Range{Filename: r.Filename, Start: start, End: end}
}

func rangeDiag(r hcl.Range, e *rangeError) *hcl.Diagnostic {
	return errorAt(r, "Invalid host range", e.msg+".")
}

// elementRange points at the i-th element of a list attribute, or at the
// whole attribute when it is not written as a literal list or i < 0.
func elementRange(body hcl.Body, name string, i int) hcl.Range {
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		return body.MissingItemRange()
	}
	a, ok := sb.Attributes[name]
	if !ok {
		return body.MissingItemRange()
	}
	if tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok && i >= 0 && i < len(tuple.Exprs) {
		return tuple.Exprs[i].Range()
	}
	return a.Expr.Range()
}
