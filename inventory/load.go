package inventory

import (
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/switchbackhq/switchback/internal/diag"
)

// connection holds the settings a host or the defaults block may set.
type connection struct {
	Address      *string `hcl:"address,optional"`
	Port         *int    `hcl:"port,optional"`
	User         *string `hcl:"user,optional"`
	IdentityFile *string `hcl:"identity_file,optional"`
}

type defaultsBlock struct {
	Port         *int    `hcl:"port,optional"`
	User         *string `hcl:"user,optional"`
	IdentityFile *string `hcl:"identity_file,optional"`
}

type groupBlock struct {
	Hosts []string `hcl:"hosts"`
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
	f, diags := parser.ParseHCLFile(path)
	if diags.HasErrors() {
		return nil, diags
	}
	content, moreDiags := f.Body.Content(fileSchema)
	diags = append(diags, moreDiags...)

	base := filepath.Dir(path)
	defaults := connection{}
	seenDefaults := false
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
		diags = append(diags, gohcl.DecodeBody(b.Body, nil, &d)...)
		defaults = connection{Port: d.Port, User: d.User, IdentityFile: d.IdentityFile}
		diags = append(diags, checkConnection(b.Body, defaults)...)
	}

	inv := &Inventory{Path: path}
	hostBlocks := map[string]*hcl.Block{}
	for _, b := range content.Blocks {
		if b.Type != "host" {
			continue
		}
		name := b.Labels[0]
		if prev, dup := hostBlocks[name]; dup {
			diags = append(diags, diag.Duplicate("Duplicate host", fmt.Sprintf("Host %q", name), prev.DefRange, b.LabelRanges[0], ""))
			continue
		}
		hostBlocks[name] = b
		var c connection
		moreDiags := gohcl.DecodeBody(b.Body, nil, &c)
		moreDiags = append(moreDiags, checkConnection(b.Body, c)...)
		diags = append(diags, moreDiags...)
		if moreDiags.HasErrors() {
			continue
		}
		inv.Hosts = append(inv.Hosts, resolveHost(name, c, defaults, base))
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
		groupBlocks[name] = b
		var g groupBlock
		moreDiags := gohcl.DecodeBody(b.Body, nil, &g)
		diags = append(diags, moreDiags...)
		if moreDiags.HasErrors() {
			continue
		}
		for i, member := range g.Hosts {
			h := inv.Host(member)
			if h == nil {
				if hostBlocks[member] == nil {
					diags = append(diags, errorAt(elementRange(b.Body, "hosts", i), "Unknown host in group",
						fmt.Sprintf("Group %q lists %q, but no host block declares it. Add host %q { address = \"...\" } or fix the name.", name, member, member)))
				}
				continue
			}
			h.Groups = append(h.Groups, name)
		}
		inv.Groups = append(inv.Groups, &Group{Name: name, Hosts: g.Hosts})
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return inv, diags
}

// checkConnection catches settings that decode but cannot work.
func checkConnection(body hcl.Body, c connection) hcl.Diagnostics {
	var diags hcl.Diagnostics
	if c.Port != nil && (*c.Port < 1 || *c.Port > 65535) {
		diags = append(diags, errorAt(elementRange(body, "port", -1), "Invalid port",
			fmt.Sprintf("Port %d is not a TCP port; use a number from 1 to 65535 (SSH listens on 22 by default).", *c.Port)))
	}
	if c.Address != nil && strings.TrimSpace(*c.Address) == "" {
		diags = append(diags, errorAt(elementRange(body, "address", -1), "Empty address",
			"Give the host's DNS name or IP address, or leave address out to use the host's name."))
	}
	return diags
}

func resolveHost(name string, c, d connection, base string) *Host {
	h := &Host{Name: name, Address: name, Port: 22}
	if c.Address != nil {
		h.Address = *c.Address
	}
	for _, p := range []*int{d.Port, c.Port} {
		if p != nil {
			h.Port = *p
		}
	}
	for _, u := range []*string{d.User, c.User} {
		if u != nil {
			h.User = *u
		}
	}
	for _, f := range []*string{d.IdentityFile, c.IdentityFile} {
		if f != nil {
			h.IdentityFile = *f
		}
	}
	if h.User == "" {
		h.User = currentUser()
	}
	if h.IdentityFile != "" {
		h.IdentityFile = expandPath(h.IdentityFile, base)
	}
	return h
}

// expandPath resolves ~ and paths relative to the inventory file, so an
// inventory works the same from any working directory.
func expandPath(p, base string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[1:])
		}
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(base, p)
	}
	return p
}

func currentUser() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "root"
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

func errorAt(r hcl.Range, summary, detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: r.Ptr()}
}
