package modules

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// installSpec is a whole file to keep at a path: the common core of the
// copy, template, openrc_script and apk_key steps.
type installSpec struct {
	Dest    string
	Content string // any bytes
	Perm    uint32
	HasPerm bool
	Owner   string
	Group   string
	// Backup keeps the replaced file as Dest.<timestamp>~.
	Backup bool
	// Validate is a command run on the new content before it replaces
	// Dest; %s in it names the temporary file.
	Validate string
}

// installAction is what Apply does, decided by Check.
type installAction struct {
	write   bool
	perm    uint32
	setPerm bool
	chown   string
}

// checkInstall compares the file at Dest with the spec and plans the
// change, with a unified diff of the content.
func checkInstall(ctx context.Context, h hostcmd.Host, s installSpec) (Plan, error) {
	out, err := h.Run(ctx, probeScript(s.Dest, false, true))
	if err != nil {
		return Plan{}, err
	}
	if out.ExitCode != 0 {
		return Plan{}, commandFailed("reading "+displayPath(s.Dest), out)
	}
	info, err := parseProbe(out.Stdout)
	if err != nil {
		return Plan{}, err
	}
	p := displayPath(s.Dest)
	var diff strings.Builder
	act := installAction{}
	switch info.Kind {
	case "absent":
		act.write, act.setPerm, act.perm = true, true, defaultFilePerm
		if s.HasPerm {
			act.perm = s.Perm
		}
		fmt.Fprintf(&diff, "+ file %s (mode %s)", p, formatPerm(act.perm))
		if s.Owner != "" || s.Group != "" {
			act.chown = chownSpec(s.Owner, s.Group, "0", "0")
			fmt.Fprintf(&diff, " owned by %s:%s", or(s.Owner, "root"), or(s.Group, "root"))
		}
		diff.WriteString("\n" + unifiedDiff(p, "", s.Content, false))
		return Change(diff.String(), act), nil
	case "file":
	default:
		return Plan{}, fmt.Errorf("%s is a %s, not a regular file; remove it first (a file step with state = \"absent\") if it should be replaced", p, kindName(info.Kind))
	}
	if !info.sameContent(s.Content) {
		act.write = true
		fmt.Fprintf(&diff, "~ file %s: content\n", p)
		if info.HasContent {
			diff.WriteString(unifiedDiff(p, info.Content, s.Content, true))
		} else {
			fmt.Fprintf(&diff, "content too large to show: %d → %d bytes\n", info.Size, len(s.Content))
		}
		if s.Backup {
			fmt.Fprintf(&diff, "+ backup %s.<timestamp>~\n", p)
		}
	}
	act.perm = info.Perm
	if s.HasPerm && info.Perm != s.Perm {
		act.setPerm, act.perm = true, s.Perm
		fmt.Fprintf(&diff, "~ file %s: mode %s → %s\n", p, formatPerm(info.Perm), formatPerm(s.Perm))
	}
	ownerChanges := s.Owner != "" && !idMatches(s.Owner, info.UID, info.Owner)
	groupChanges := s.Group != "" && !idMatches(s.Group, info.GID, info.Group)
	if ownerChanges {
		fmt.Fprintf(&diff, "~ file %s: owner %s → %s\n", p, info.Owner, s.Owner)
	}
	if groupChanges {
		fmt.Fprintf(&diff, "~ file %s: group %s → %s\n", p, info.Group, s.Group)
	}
	if ownerChanges || groupChanges || (act.write && (info.UID != 0 || info.GID != 0)) {
		act.chown = chownSpec(s.Owner, s.Group, fmt.Sprint(info.UID), fmt.Sprint(info.GID))
	}
	if diff.Len() == 0 {
		return NoChange(p + " is as wanted"), nil
	}
	return Change(diff.String(), act), nil
}

// applyInstall carries out a plan of checkInstall.
func applyInstall(ctx context.Context, h hostcmd.Host, s installSpec, p Plan) error {
	act, _ := p.state.(installAction)
	if act.write {
		return installFile(ctx, h, s, act)
	}
	var b strings.Builder
	b.WriteString("set -e\np=" + shell.Quote(s.Dest) + "\n")
	if act.chown != "" {
		b.WriteString("chown -- " + shell.Quote(act.chown) + " \"$p\"\n")
	}
	fmt.Fprintf(&b, "chmod -- %s \"$p\"\n", formatPerm(act.perm))
	return runScript(ctx, h, "setting up "+displayPath(s.Dest), b.String())
}

// installFile replaces Dest atomically: a temporary file in the same
// directory (created 0600 by mktemp) receives the bytes, the validate
// command runs on it, the old file is backed up, and only then does the
// temporary file get its mode and owner, is synced and renamed over
// Dest. Any failure removes the temporary file and leaves Dest as it was.
//
// Content up to inlineLimit travels inside that one script, base64-encoded
// (any bytes, NUL included): one round trip. Larger content goes over the
// host's file transfer, where three round trips matter less than a third
// more bytes.
func installFile(ctx context.Context, h hostcmd.Host, s installSpec, act installAction) error {
	what := "writing " + displayPath(s.Dest)
	var b strings.Builder
	b.WriteString("set -e\np=" + shell.Quote(s.Dest) + "\nd=${p%/*}; d=${d:-/}\n")
	if len(s.Content) <= inlineLimit {
		b.WriteString(inlineTemp(`"$d/.switchback.XXXXXX"`, s.Content))
		return finishInstall(ctx, h, s, act, &b, func() {})
	}
	out, err := h.Run(ctx, b.String()+"mktemp \"$d/.switchback.XXXXXX\"\n")
	if err != nil {
		return err
	}
	if out.ExitCode != 0 {
		return commandFailed(what, out)
	}
	tmp := strings.TrimSuffix(out.Stdout, "\n")
	dir := s.Dest[:strings.LastIndex(s.Dest, "/")+1]
	if !strings.HasPrefix(tmp, dir+".switchback.") || strings.ContainsAny(tmp[len(dir):], "/\n") {
		return fmt.Errorf("unexpected temporary file name from the host: %q", tmp)
	}
	removeTmp := func() { _, _ = h.Run(context.WithoutCancel(ctx), "rm -f -- "+shell.Quote(tmp)) }
	if err := sendFile(ctx, h, tmp, s.Content); err != nil {
		removeTmp()
		return fmt.Errorf("%s: %w", what, err)
	}
	b.WriteString("t=" + shell.Quote(tmp) + "\ntrap 'rm -f -- \"$t\"' EXIT\n")
	return finishInstall(ctx, h, s, act, &b, removeTmp)
}

// inlineLimit is the largest content sent inside the script that uses
// it (installFile, Script.Apply).
const inlineLimit = 256 << 10

// inlineTemp is shell that creates a temporary file "$t" from mktemp's
// template (shell words), removed when the script exits, and fills it
// with content, which travels base64-encoded in the script itself.
func inlineTemp(template, content string) string {
	return "t=$(mktemp " + template + ") || exit 1\ntrap 'rm -f -- \"$t\"' EXIT\n" +
		"printf %s '" + base64.StdEncoding.EncodeToString([]byte(content)) + "' | base64 -d >\"$t\" || exit 1\n"
}

// finishInstall appends to b, a script with the new content in "$t", what
// validates, backs up and puts it in place, and runs it. removeTmp cleans
// up when the connection fails before the script's own trap could.
func finishInstall(ctx context.Context, h hostcmd.Host, s installSpec, act installAction, b *strings.Builder, removeTmp func()) error {
	if s.Validate != "" {
		// The validator's verdict is its exit code; its output explains.
		b.WriteString("if ! ( " + strings.ReplaceAll(s.Validate, "%s", `"$t"`) + "\n) </dev/null >&2; then echo 'switchback: validation failed' >&2; exit 3; fi\n")
	}
	if s.Backup {
		b.WriteString("if [ -e \"$p\" ]; then cp -p -- \"$p\" \"$p.$(date +%Y%m%d%H%M%S)~\"; fi\n")
	}
	b.WriteString(finishWrite(writeSpec{Path: s.Dest, Perm: act.perm, Chown: act.chown}))
	out, err := h.Run(ctx, b.String())
	if err != nil {
		removeTmp()
		return err
	}
	if out.ExitCode == 3 && strings.Contains(out.Stderr, "switchback: validation failed") {
		return &hostcmd.Error{Msg: fmt.Sprintf("validate (%s) refused the new %s; the file was left as it was", s.Validate, displayPath(s.Dest)), Output: out}
	}
	if out.ExitCode != 0 {
		return commandFailed("writing "+displayPath(s.Dest), out)
	}
	return nil
}

// shellChunk bounds the base64 text of one command when the bytes go
// through the shell (see maxChunk).
const shellChunk = 48 << 10

// sendFile puts data into the existing file path: over the host's file
// transfer when it has one, else through the shell in base64 chunks.
func sendFile(ctx context.Context, h hostcmd.Host, path string, data string) error {
	if err := hostcmd.SendFile(ctx, h, path, []byte(data)); !errors.Is(err, hostcmd.ErrNoFileTransfer) {
		return err
	}
	enc := base64.StdEncoding.EncodeToString([]byte(data))
	redirect := ">"
	for first := true; first || enc != ""; first = false {
		n := min(len(enc), shellChunk)
		chunk := enc[:n]
		enc = enc[n:]
		if err := runScript(ctx, h, "sending "+displayPath(path),
			"printf %s "+shell.Quote(chunk)+" | base64 -d "+redirect+" "+shell.Quote(path)+"\n"); err != nil {
			return err
		}
		redirect = ">>"
	}
	return nil
}

// chainable says whether applyInstall carries out p in one command: a
// file whose content rides inside its install script, or only a new
// mode or owner.
func chainable(s installSpec, p Plan) bool {
	act, _ := p.state.(installAction)
	return !act.write || len(s.Content) <= inlineLimit
}
