package modules

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// File keeps a path a regular file (with given content, if any), a
// directory, a symbolic link or absent, with a mode and an owner.
type File struct {
	Path    string
	State   string // "file", "directory", "link" or "absent"
	Perm    uint32
	HasPerm bool
	Owner   string // a name or a number; empty leaves it alone
	Group   string
	Src     string  // a link's target
	Content *string // nil leaves an existing file's content alone
}

var _ Module = (*File)(nil)

// Writes is the managed path.
func (m *File) Writes() []string { return []string{m.Path} }

type fileConfig struct {
	Path    string  `hcl:"path"`
	State   *string `hcl:"state,optional"`
	Mode    *string `hcl:"mode,optional"`
	Owner   *string `hcl:"owner,optional"`
	Group   *string `hcl:"group,optional"`
	Src     *string `hcl:"src,optional"`
	Content *string `hcl:"content,optional"`
}

// New files and directories get these modes unless mode says otherwise.
const (
	defaultFilePerm = 0o644
	defaultDirPerm  = 0o755
)

// FileType registers the file step.
func FileType() Type {
	return Type{Name: "file", Decode: decodeFile}
}

func decodeFile(body hcl.Body, ctx *hcl.EvalContext) (Module, hcl.Diagnostics) {
	var cfg fileConfig
	diags := gohcl.DecodeBody(body, ctx, &cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	m := &File{Path: cfg.Path, State: "file", Content: cfg.Content}
	if cfg.State != nil {
		m.State = *cfg.State
	}
	if why := checkAbsPath(m.Path); why != "" {
		diags = append(diags, attrError(body, "path", "Invalid path", why+"."))
	}
	switch m.State {
	case "file", "directory", "link", "absent":
	default:
		diags = append(diags, attrError(body, "state", "Invalid file state",
			fmt.Sprintf("state is %q; use \"file\", \"directory\", \"link\" or \"absent\".", m.State)))
	}
	if cfg.Mode != nil {
		perm, ok := parsePerm(*cfg.Mode)
		switch {
		case !ok:
			diags = append(diags, attrError(body, "mode", "Invalid mode",
				fmt.Sprintf("mode is %q; write the permission bits in octal, as a string: \"0644\", \"0755\", \"2775\".", *cfg.Mode)))
		case m.State == "link" || m.State == "absent":
			diags = append(diags, attrError(body, "mode", "Mode does not apply",
				fmt.Sprintf("mode has no meaning with state = %q; remove it.", m.State)))
		}
		m.Perm, m.HasPerm = perm, true
	}
	for _, a := range []struct {
		name string
		val  *string
		dst  *string
	}{{"owner", cfg.Owner, &m.Owner}, {"group", cfg.Group, &m.Group}} {
		if a.val == nil {
			continue
		}
		*a.dst = *a.val
		switch {
		case !accountName.MatchString(*a.val) && !isDigits(*a.val):
			diags = append(diags, attrError(body, a.name, "Invalid "+a.name,
				fmt.Sprintf("%s is %q; give a name (letters, digits, . _ -) or a numeric id.", a.name, *a.val)))
		case m.State == "absent":
			diags = append(diags, attrError(body, a.name, strings.ToUpper(a.name[:1])+a.name[1:]+" does not apply",
				fmt.Sprintf("%s has no meaning with state = \"absent\"; remove it.", a.name)))
		}
	}
	if cfg.Src != nil {
		m.Src = *cfg.Src
		switch {
		case m.State != "link":
			diags = append(diags, attrError(body, "src", "src needs state = \"link\"",
				fmt.Sprintf("src is a link's target, but state is %q; set state = \"link\" or remove src.", m.State)))
		case m.Src == "" || strings.ContainsRune(m.Src, 0):
			diags = append(diags, attrError(body, "src", "Invalid link target",
				"src must be a non-empty path without NUL bytes."))
		}
	} else if m.State == "link" {
		diags = append(diags, attrError(body, "state", "Missing link target",
			"state = \"link\" needs src, the path the link points to."))
	}
	if m.Content != nil {
		switch {
		case m.State != "file":
			diags = append(diags, attrError(body, "content", "content needs state = \"file\"",
				fmt.Sprintf("content only applies to regular files, but state is %q; remove content or set state = \"file\".", m.State)))
		case strings.ContainsRune(*m.Content, 0):
			diags = append(diags, attrError(body, "content", "NUL byte in content",
				"content contains a NUL byte, which cannot pass through the host's shell; file content must be text."))
		}
	}
	return m, diags
}

func (m *File) Summary() string {
	s := m.State + " " + displayPath(m.Path)
	switch {
	case m.State == "link":
		s += " → " + displayPath(m.Src)
	case m.Content != nil:
		s += fmt.Sprintf(" (%d bytes)", len(*m.Content))
	}
	if m.HasPerm {
		s += " mode " + formatPerm(m.Perm)
	}
	if m.Owner != "" {
		s += " owner " + m.Owner
	}
	if m.Group != "" {
		s += " group " + m.Group
	}
	return s
}

// fileAction is what Apply does, decided by Check.
type fileAction struct {
	create  bool   // the path is absent and must be made
	write   bool   // the content is written (create, or new content)
	remove  string // the kind of what is removed, for state = "absent"
	relink  bool   // an existing link gets a new target
	perm    uint32 // mode to set; with setPerm
	setPerm bool
	chown   string // chown's argument; empty for no change
	content string
}

func (m *File) Check(ctx context.Context, h hostcmd.Host) (Plan, error) {
	out, err := h.Run(ctx, probeScript(m.Path, false, m.Content != nil))
	if err != nil {
		return Plan{}, err
	}
	if out.ExitCode != 0 {
		return Plan{}, commandFailed("reading "+displayPath(m.Path), out)
	}
	info, err := parseProbe(out.Stdout)
	if err != nil {
		return Plan{}, err
	}
	p := displayPath(m.Path)

	if m.State == "absent" {
		if info.Kind == "absent" {
			return NoChange(p + " is absent"), nil
		}
		what := "- " + kindName(info.Kind) + " " + p
		if info.Kind == "directory" {
			what += " (with everything in it)"
		}
		return Change(what+"\n", fileAction{remove: info.Kind}), nil
	}

	if info.Kind != "absent" && info.Kind != m.State {
		return Plan{}, fmt.Errorf("%s is a %s, not a %s; remove it first (a file step with state = \"absent\") if it should be replaced",
			p, kindName(info.Kind), kindName(m.State))
	}
	var diff strings.Builder
	act := fileAction{}
	if info.Kind == "absent" {
		act.create = true
		switch m.State {
		case "file":
			act.write, act.setPerm, act.perm = true, true, defaultFilePerm
			if m.Content != nil {
				act.content = *m.Content
			}
		case "directory":
			act.setPerm, act.perm = true, defaultDirPerm
		}
		if m.HasPerm {
			act.perm = m.Perm
		}
		fmt.Fprintf(&diff, "+ %s %s", kindName(m.State), p)
		if m.State == "link" {
			fmt.Fprintf(&diff, " → %s", displayPath(m.Src))
		} else {
			fmt.Fprintf(&diff, " (mode %s)", formatPerm(act.perm))
		}
		if m.Owner != "" || m.Group != "" {
			act.chown = chownSpec(m.Owner, m.Group, "0", "0")
			fmt.Fprintf(&diff, " owned by %s:%s", or(m.Owner, "root"), or(m.Group, "root"))
		}
		diff.WriteString("\n")
		if m.State == "file" && act.content != "" {
			diff.WriteString(unifiedDiff(p, "", act.content, false))
		}
		return Change(diff.String(), act), nil
	}

	// The path exists with the right kind: compare its details.
	if m.State == "link" && info.Target != m.Src {
		act.relink = true
		fmt.Fprintf(&diff, "~ link %s: target %s → %s\n", p, displayPath(info.Target), displayPath(m.Src))
	}
	if m.Content != nil && !info.sameContent(*m.Content) {
		act.write, act.content = true, *m.Content
		fmt.Fprintf(&diff, "~ file %s: content\n", p)
		if info.HasContent {
			diff.WriteString(unifiedDiff(p, info.Content, *m.Content, true))
		} else {
			fmt.Fprintf(&diff, "content too large to show: %d → %d bytes\n", info.Size, len(*m.Content))
		}
	}
	act.perm = info.Perm
	if m.HasPerm && info.Perm != m.Perm {
		act.setPerm, act.perm = true, m.Perm
		fmt.Fprintf(&diff, "~ %s %s: mode %s → %s\n", kindName(m.State), p, formatPerm(info.Perm), formatPerm(m.Perm))
	}
	ownerChanges := m.Owner != "" && !idMatches(m.Owner, info.UID, info.Owner)
	groupChanges := m.Group != "" && !idMatches(m.Group, info.GID, info.Group)
	if ownerChanges {
		fmt.Fprintf(&diff, "~ %s %s: owner %s → %s\n", kindName(m.State), p, info.Owner, m.Owner)
	}
	if groupChanges {
		fmt.Fprintf(&diff, "~ %s %s: group %s → %s\n", kindName(m.State), p, info.Group, m.Group)
	}
	if ownerChanges || groupChanges || ((act.write || act.relink) && (info.UID != 0 || info.GID != 0)) {
		// A rewritten file or a new link is a new inode: it gets the owner
		// it should have, or keeps the one it had.
		act.chown = chownSpec(m.Owner, m.Group, fmt.Sprint(info.UID), fmt.Sprint(info.GID))
	}
	if diff.Len() == 0 {
		return NoChange(p + " is as wanted"), nil
	}
	return Change(diff.String(), act), nil
}

func (m *File) Apply(ctx context.Context, h hostcmd.Host, p Plan) error {
	act, _ := p.state.(fileAction)
	path := shell.Quote(m.Path)
	if act.remove != "" {
		flags := "-f"
		if act.remove == "directory" {
			flags = "-rf"
		}
		return runScript(ctx, h, "removing "+displayPath(m.Path), "rm "+flags+" -- "+path)
	}
	if act.write {
		// act.perm is the wanted mode, or the one the file had.
		return writeFile(ctx, h, writeSpec{Path: m.Path, Content: act.content, Perm: act.perm, Chown: act.chown}, "")
	}
	var b strings.Builder
	b.WriteString("set -e\np=" + path + "\n")
	switch {
	case m.State == "directory" && act.create:
		b.WriteString("mkdir -p -- \"$p\"\n")
	case m.State == "link" && (act.create || act.relink):
		// A new link under a temporary name renamed over the old one
		// replaces it atomically; "ln -sf" would unlink first.
		b.WriteString("d=${p%/*}; d=${d:-/}\nt=\"$d/.switchback.$$.link\"\n")
		b.WriteString("ln -s -- " + shell.Quote(m.Src) + " \"$t\"\n")
		if act.chown != "" {
			b.WriteString("chown -h -- " + shell.Quote(act.chown) + " \"$t\"\n")
		}
		b.WriteString("mv -fT -- \"$t\" \"$p\"\n")
		return runScript(ctx, h, "linking "+displayPath(m.Path), b.String())
	}
	if act.chown != "" {
		b.WriteString("chown -h -- " + shell.Quote(act.chown) + " \"$p\"\n")
	}
	if act.setPerm || act.chown != "" && m.State != "link" {
		// chown clears setuid and setgid bits: the mode goes after it.
		fmt.Fprintf(&b, "chmod -- %s \"$p\"\n", formatPerm(act.perm))
	}
	return runScript(ctx, h, "setting up "+displayPath(m.Path), b.String())
}

// chownSpec builds chown's OWNER:GROUP from what is wanted, falling back
// to what the path has.
func chownSpec(owner, group, curUID, curGID string) string {
	return or(owner, curUID) + ":" + or(group, curGID)
}

func kindName(kind string) string {
	if kind == "other" {
		return "special file"
	}
	return kind
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// Chainable: every plan of a file step is one command, unless its
// content is written in chunks.
func (m *File) Chainable(p Plan) bool {
	act, _ := p.state.(fileAction)
	return !act.write || oneCommand(act.content)
}
