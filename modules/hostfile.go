package modules

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// What the file, line and service steps share: learning everything about
// one path in a single round trip, and replacing a file atomically.

// pathInfo is what Check learns about a path on the host.
type pathInfo struct {
	Kind         string // "absent", "file", "directory", "link" or "other"
	Perm         uint32 // permission bits with setuid, setgid and sticky
	UID, GID     int
	Owner, Group string // names; BusyBox says UNKNOWN for ids without one
	Size         int64
	Target       string // a link's target
	HasContent   bool   // Content was read (the file was small enough)
	Content      string
	Sum          string // sha256 of a file too large to read
}

// readLimit is the largest file whose content Check reads back; larger
// files are compared by checksum (and cannot be edited line by line).
const readLimit = 2 << 20

// probeScript prints what pathInfo holds. With follow, a symbolic link
// is looked through to the file it names (line editing, conf.d files);
// without, the link itself is described. The output is a fixed header
// and then raw bytes to the end, so that content and link targets come
// back exactly, newlines and all.
func probeScript(p string, follow, read bool) string {
	stat := "stat"
	if follow {
		stat = "stat -L"
	}
	var b strings.Builder
	b.WriteString("p=" + shell.Quote(p) + "\n")
	if !follow {
		b.WriteString("if [ -L \"$p\" ]; then k=link\nel")
	}
	b.WriteString(`if [ -d "$p" ]; then k=directory
elif [ -f "$p" ]; then k=file
elif [ -e "$p" ]; then k=other
else echo absent; exit 0
fi
echo "$k"
`)
	b.WriteString("s=$(" + stat + " -c '%a %u %g %U %G %s' -- \"$p\") || exit 1\necho \"$s\"\n")
	b.WriteString("case $k in\nlink) echo link; readlink -- \"$p\" || exit 1 ;;\n")
	if read {
		fmt.Fprintf(&b, "file) set -- $s\n  if [ \"$6\" -le %d ]; then echo content; cat -- \"$p\" || exit 1\n  else echo sha256; sha256sum < \"$p\" || exit 1; fi ;;\n", readLimit)
	}
	b.WriteString("esac\n")
	return b.String()
}

// parseProbe reads probeScript's output.
func parseProbe(out string) (pathInfo, error) {
	bad := func(why string) (pathInfo, error) {
		return pathInfo{}, fmt.Errorf("unexpected output from the host while reading a path (%s): %q", why, hostcmd.LastLines(out, 3))
	}
	kind, rest, _ := strings.Cut(out, "\n")
	info := pathInfo{Kind: kind}
	switch kind {
	case "absent":
		return info, nil
	case "file", "directory", "link", "other":
	default:
		return bad("kind")
	}
	header, rest, _ := strings.Cut(rest, "\n")
	f := strings.Fields(header)
	if len(f) != 6 {
		return bad("stat")
	}
	perm, err1 := strconv.ParseUint(f[0], 8, 32)
	uid, err2 := strconv.Atoi(f[1])
	gid, err3 := strconv.Atoi(f[2])
	size, err4 := strconv.ParseInt(f[5], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || perm > 0o7777 {
		return bad("stat")
	}
	info.Perm, info.UID, info.GID, info.Owner, info.Group, info.Size = uint32(perm), uid, gid, f[3], f[4], size
	what, payload, _ := strings.Cut(rest, "\n")
	switch what {
	case "":
	case "link":
		info.Target = strings.TrimSuffix(payload, "\n") // readlink ends with one
	case "content":
		info.HasContent, info.Content = true, payload
	case "sha256":
		sum, _, _ := strings.Cut(payload, " ")
		info.Sum = strings.TrimSpace(sum)
	default:
		return bad("payload")
	}
	return info, nil
}

// sameContent compares what is on the host with what is wanted.
func (i pathInfo) sameContent(want string) bool {
	if i.HasContent {
		return i.Content == want
	}
	sum := sha256.Sum256([]byte(want))
	return i.Sum == hex.EncodeToString(sum[:])
}

// writeSpec is a file to put in place atomically.
type writeSpec struct {
	Path    string
	Content string
	Perm    uint32
	Chown   string // chown's OWNER[:GROUP] argument; empty leaves root's
	// Follow writes through a symbolic link to the file it names instead
	// of replacing the link.
	Follow bool
}

// maxChunk bounds the quoted content in one command. The transport sends
// a command on the session's stdin and runs it only when it arrived
// whole, so no argument limit applies, and a file written in one round
// trip is never left as a temporary file when the connection is lost;
// larger files take several round trips.
const maxChunk = 4 << 20

// writeFile replaces a file atomically: the content goes to a temporary
// file in the same directory, which gets its mode and owner, is synced,
// and is then renamed over the path, so that readers see the old file or
// the new one and never a part. then is more shell to run in the same
// round trip once the file is in place. Small files take one round trip;
// larger ones one per chunk.
// followLinks sets p to where the kernel would write through the link p
// names: each link's target taken relative to the link's directory.
// (BusyBox readlink -f resolves a dangling relative link from /.)
const followLinks = `n=0
while [ -L "$p" ] && [ $n -lt 40 ]; do
  l=$(readlink -- "$p")
  case $l in /*) p=$l ;; *) p=${p%/*}/$l ;; esac
  n=$((n + 1))
done
`

func writeFile(ctx context.Context, h hostcmd.Host, w writeSpec, then string) error {
	chunks := splitQuoted(w.Content, maxChunk)
	var b strings.Builder
	b.WriteString("set -e\np=" + shell.Quote(w.Path) + "\n")
	if w.Follow {
		b.WriteString(followLinks)
	}
	b.WriteString(`d=${p%/*}; d=${d:-/}
if [ ! -d "$d" ]; then echo "cannot write $p: directory $d does not exist" >&2; exit 1; fi
`)
	if len(chunks) == 1 {
		b.WriteString("t=$(mktemp \"$d/.switchback.XXXXXX\")\ntrap 'rm -f -- \"$t\"' EXIT\n")
		b.WriteString("printf %s " + chunks[0] + " >\"$t\"\n")
		b.WriteString(finishWrite(w) + then)
		return runScript(ctx, h, "writing "+displayPath(w.Path), b.String())
	}
	// The first round trip creates the temporary file and names it; the
	// next ones append to it; the last puts it in place.
	b.WriteString("t=$(mktemp \"$d/.switchback.XXXXXX\")\nprintf %s " + chunks[0] + " >\"$t\"\necho \"${t##*/}\"\n")
	out, err := h.Run(ctx, b.String())
	if err != nil {
		return err
	}
	if out.ExitCode != 0 {
		return commandFailed("writing "+displayPath(w.Path), out)
	}
	tmpName := strings.TrimSpace(out.Stdout)
	if !strings.HasPrefix(tmpName, ".switchback.") || strings.ContainsAny(tmpName, "/\n") {
		return fmt.Errorf("unexpected temporary file name from the host: %q", tmpName)
	}
	prelude := "set -e\np=" + shell.Quote(w.Path) + "\n"
	if w.Follow {
		prelude += followLinks
	}
	prelude += "d=${p%/*}; d=${d:-/}\nt=\"$d\"/" + shell.Quote(tmpName) + "\ntrap 'rm -f -- \"$t\"' EXIT\n"
	for i, c := range chunks[1:] {
		script := prelude + "printf %s " + c + " >>\"$t\"\n"
		if i == len(chunks)-2 {
			script += finishWrite(w) + then
		} else {
			script += "trap - EXIT\n"
		}
		if err := runScript(ctx, h, "writing "+displayPath(w.Path), script); err != nil {
			return err
		}
	}
	return nil
}

// finishWrite sets the temporary file's owner before its mode (chown
// clears setuid bits), syncs it and renames it over the path.
func finishWrite(w writeSpec) string {
	var b strings.Builder
	if w.Chown != "" {
		b.WriteString("chown -- " + shell.Quote(w.Chown) + " \"$t\"\n")
	}
	fmt.Fprintf(&b, "chmod -- %04o \"$t\"\n", w.Perm)
	b.WriteString(`if command -v fsync >/dev/null 2>&1; then fsync -- "$t"; else sync; fi
mv -fT -- "$t" "$p"
trap - EXIT
fsync -- "$d" 2>/dev/null || true
`)
	return b.String()
}

// splitQuoted cuts s into pieces whose shell-quoted form stays within
// limit bytes, and returns them quoted. Empty content is one empty word.
func splitQuoted(s string, limit int) []string {
	var out []string
	start, cost := 0, 2
	for i := 0; i < len(s); i++ {
		c := 1
		if s[i] == '\'' {
			c = 4 // closed, escaped and reopened: '\''
		}
		if cost+c > limit && i > start {
			out = append(out, shell.Quote(s[start:i]))
			start, cost = i, 2
		}
		cost += c
	}
	return append(out, shell.Quote(s[start:]))
}

// runScript runs a script whose non-zero exit fails the step.
func runScript(ctx context.Context, h hostcmd.Host, what, script string) error {
	out, err := h.Run(ctx, script)
	if err != nil {
		return err
	}
	if out.ExitCode != 0 {
		return commandFailed(what, out)
	}
	return nil
}

// displayPath shows a path on one line of a plan: as written, unless it
// holds characters that would break the line or hide, then Go-quoted.
func displayPath(p string) string {
	for _, r := range p {
		if r < 0x20 || r == 0x7f {
			return strconv.Quote(p)
		}
	}
	return p
}

// checkAbsPath says what is wrong with a path that a step manages, or "".
func checkAbsPath(p string) string {
	switch {
	case p == "":
		return "the path is empty"
	case strings.ContainsRune(p, 0):
		return "the path contains a NUL byte"
	case !strings.HasPrefix(p, "/"):
		return fmt.Sprintf("%q is relative; give an absolute path, since the working directory on the host is not fixed", p)
	case p == "/":
		return "the path is the root directory"
	case path.Clean(p) != p:
		return fmt.Sprintf("%q is not in its simplest form; write %q", p, path.Clean(p))
	}
	return ""
}

// formatPerm prints permission bits as a mode attribute is written.
func formatPerm(p uint32) string { return fmt.Sprintf("%04o", p) }

// parsePerm reads a mode attribute: octal, three or four digits, with an
// optional leading 0 ("644", "0644", "2755", "02755").
func parsePerm(s string) (uint32, bool) {
	if !permPattern.MatchString(s) {
		return 0, false
	}
	v, err := strconv.ParseUint(s, 8, 32)
	if err != nil || v > 0o7777 {
		return 0, false
	}
	return uint32(v), true
}

var permPattern = regexp.MustCompile(`^0?[0-7]{3,4}$`)

// idMatches compares a wanted owner or group (a name, or a number) with
// what stat reported.
func idMatches(want string, id int, name string) bool {
	if n, err := strconv.Atoi(want); err == nil && isDigits(want) {
		return n == id
	}
	return want == name
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// oneCommand says whether writeFile sends content in one command.
func oneCommand(content string) bool { return len(splitQuoted(content, maxChunk)) <= 1 }
