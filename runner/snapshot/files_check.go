package snapshot

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Checker is implemented by providers that can tell what a restore
// would change on a host without changing anything.
type Checker interface {
	Check(ctx context.Context, t Target, s *Snapshot) (*Changes, error)
}

var _ Checker = (*Files)(nil)

// Changes is what a restore would do to a host.
type Changes struct {
	// Paths are lines such as "~ /etc/motd (content)", "+ /etc/hostname
	// (comes back)" and "- /srv/app/new (goes)".
	Paths []string
	// Packages are lines such as "- sb-hello=1.1-r0", "+ sb-hello=1.0-r0".
	Packages []string
	// Stop and Start are the services a restore would stop and start.
	Stop, Start []string
}

// Empty says whether the restore would change nothing.
func (c *Changes) Empty() bool {
	return len(c.Paths)+len(c.Packages)+len(c.Stop)+len(c.Start) == 0
}

// Check compares the snapshot with the host as it is now: the files of
// every saved path (type, mode, owner, content, link target), the
// installed packages and the started services. It reads only.
func (f *Files) Check(ctx context.Context, t Target, s *Snapshot) (*Changes, error) {
	h := t.Host
	out, err := run(ctx, h, verifyScript(s.Location, s.Digest), "checking the snapshot")
	if err != nil {
		switch out.ExitCode {
		case 3:
			return nil, fmt.Errorf("the snapshot %s was modified after it was taken (%s): a restore would refuse it", s.Location, strings.TrimSpace(out.Stderr))
		case 4:
			return nil, fmt.Errorf("the snapshot %s is no longer on the host: there is nothing to restore from", s.Location)
		}
		return nil, err
	}
	thenStarted, nowStarted, _ := strings.Cut(out.Stdout, "--\n")
	then, now := lines(thenStarted), lines(nowStarted)
	c := &Changes{Stop: minus(now, then), Start: minus(then, now)}

	d := shell.Quote(s.Location)
	pk, err := run(ctx, h, `cd `+d+` && cat installed.txt && echo -- && awk '/^P:/ { p = substr($0, 3) } /^V:/ { print p "=" substr($0, 3) }' /lib/apk/db/installed`, "reading the packages")
	if err != nil {
		return nil, err
	}
	wantText, gotText, _ := strings.Cut(pk.Stdout, "--\n")
	want, got := lines(wantText), lines(gotText)
	for _, p := range minus(got, want) {
		c.Packages = append(c.Packages, "- "+p)
	}
	for _, p := range minus(want, got) {
		c.Packages = append(c.Packages, "+ "+p)
	}

	snap, err := readArchive(ctx, h, `cd `+d+` && cat files.tar.gz`)
	if err != nil {
		return nil, fmt.Errorf("reading the snapshot's archive: %w", err)
	}
	// The host's files now, under the same roots (those absent then too).
	live, err := readArchive(ctx, h, `set -e
cd `+d+`
l=$(mktemp)
trap 'rm -f "$l"' EXIT
cat present.txt > "$l"
while IFS= read -r p; do if [ -e "/$p" ] || [ -L "/$p" ]; then echo "$p" >> "$l"; fi; done < absent.txt
x=/dev/null
[ -f exclude.txt ] && x=exclude.txt
tar -czf - -C / -X "$x" -T "$l"`)
	if err != nil {
		return nil, fmt.Errorf("reading the host's files: %w", err)
	}
	c.Paths = diffArchives(snap, live)
	return c, nil
}

// entry is what a restore puts back of one name.
type entry struct {
	kind, link string
	mode       int64
	uid, gid   int
	sum        [32]byte
}

// streamer is a host that hands a command's output over as it comes,
// without the cap of Run (the SSH transport, and become over it).
type streamer interface {
	Stream(ctx context.Context, cmd string, w io.Writer) (hostcmd.Output, error)
}

// readArchive runs script, which prints a gzipped tar archive, and reads
// what a restore would put back of each name in it. Where the host can
// stream, the archive is read as it arrives, whatever its size; otherwise
// it comes through Run as base64, within the 8 MiB a command may print.
func readArchive(ctx context.Context, h hostcmd.Host, script string) (map[string]entry, error) {
	st, ok := h.(streamer)
	if !ok {
		out, err := h.Run(ctx, script+" | base64")
		if err != nil {
			return nil, err
		}
		if out.ExitCode != 0 {
			return nil, &hostcmd.Error{Msg: "reading an archive failed", Output: out}
		}
		raw, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(out.Stdout), ""))
		if err != nil {
			return nil, fmt.Errorf("the archive did not arrive whole (larger than the 8 MiB a command may print?): %w", err)
		}
		return parseArchive(bytes.NewReader(raw))
	}
	pr, pw := io.Pipe()
	type parsed struct {
		entries map[string]entry
		err     error
	}
	done := make(chan parsed, 1)
	go func() {
		entries, err := parseArchive(pr)
		if err != nil {
			pr.CloseWithError(err) // the command's next write fails, and it ends
		} else {
			_, _ = io.Copy(io.Discard, pr) // what follows the archive's end
		}
		done <- parsed{entries, err}
	}()
	out, err := st.Stream(ctx, script, pw)
	pw.Close()
	res := <-done
	switch {
	case err != nil && res.err == nil:
		return nil, err
	case err == nil && out.ExitCode != 0:
		return nil, &hostcmd.Error{Msg: "reading an archive failed", Output: out}
	case res.err != nil && err != nil:
		return nil, fmt.Errorf("reading the archive: %w (%w)", res.err, err)
	case res.err != nil:
		return nil, fmt.Errorf("reading the archive: %w", res.err)
	}
	return res.entries, nil
}

// parseArchive reads a gzipped tar archive into what a restore would put
// back of each name.
func parseArchive(r io.Reader) (map[string]entry, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	entries := map[string]entry{}
	for {
		hd, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		name := "/" + strings.TrimSuffix(hd.Name, "/")
		e := entry{mode: hd.Mode & 0o7777, uid: hd.Uid, gid: hd.Gid}
		switch hd.Typeflag {
		case tar.TypeDir:
			e.kind = "directory"
		case tar.TypeSymlink:
			e.kind, e.link, e.mode, e.uid, e.gid = "symbolic link", hd.Linkname, 0, 0, 0 // tar keeps no owner of links
		case tar.TypeLink:
			// A second name of a file: the same as the first, linked.
			entries[name] = entries["/"+strings.TrimSuffix(hd.Linkname, "/")]
			continue
		case tar.TypeReg:
			e.kind = "file"
			hash := sha256.New()
			if _, err := io.Copy(hash, tr); err != nil {
				return nil, err
			}
			copy(e.sum[:], hash.Sum(nil))
		default:
			e.kind = fmt.Sprintf("type %c", hd.Typeflag)
		}
		entries[name] = e
	}
	return entries, nil
}

// diffArchives lists, for each name, what restoring snap over live does.
func diffArchives(snap, live map[string]entry) []string {
	var out []string
	show := func(p string) string {
		if strings.ContainsFunc(p, func(r rune) bool { return r < ' ' || r == 0x7f || r == '\uFFFD' }) || !isUTF8(p) {
			return fmt.Sprintf("%q", p)
		}
		return p
	}
	for name, s := range snap {
		l, ok := live[name]
		if !ok {
			out = append(out, "+ "+show(name)+" (comes back)")
			continue
		}
		var what []string
		switch {
		case s.kind != l.kind:
			what = append(what, l.kind+" -> "+s.kind)
		case s.kind == "symbolic link" && s.link != l.link:
			what = append(what, "target "+l.link+" -> "+s.link)
		case s.sum != l.sum:
			what = append(what, "content")
		}
		if s.kind == l.kind && s.mode != l.mode {
			what = append(what, fmt.Sprintf("mode %04o -> %04o", l.mode, s.mode))
		}
		if s.kind == l.kind && (s.uid != l.uid || s.gid != l.gid) {
			what = append(what, fmt.Sprintf("owner %d:%d -> %d:%d", l.uid, l.gid, s.uid, s.gid))
		}
		if len(what) > 0 {
			out = append(out, "~ "+show(name)+" ("+strings.Join(what, ", ")+")")
		}
	}
	for name := range live {
		if _, ok := snap[name]; !ok {
			out = append(out, "- "+show(name)+" (goes)")
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][2:] < out[j][2:] })
	return out
}

func isUTF8(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
