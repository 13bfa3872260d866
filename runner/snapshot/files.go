package snapshot

import (
	"context"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules/hostcmd"
)

// Dir is where the files provider keeps snapshots on each host.
const Dir = "/var/lib/switchback/snapshots"

// SystemPaths are always part of a files snapshot: what apk and OpenRC
// keep their configuration in, and apk's own database, so that after a
// restore it describes the packages as they were, byte for byte.
var SystemPaths = []string{"/etc/apk/world", "/etc/apk/repositories", "/etc/runlevels", "/etc/conf.d", "/lib/apk/db"}

// Files snapshots a host with the tools every Alpine host has: a tar
// archive of the paths, the apk world and installed versions, and the
// started OpenRC services, with a sha256 manifest.
//
// The paths are cleaned and deduplicated on the controller and
// normalised on the host, where symbolic links among a path's parents are
// resolved, a path that is itself a link is saved with what it points
// to, and only then are the paths inside another dropped. A restore stages the archive
// beside each path, on its filesystem, checks it, and only then renames
// entry after entry into place (filesScript).
type Files struct {
	// Paths are saved in addition to SystemPaths.
	Paths []string
}

var _ Provider = (*Files)(nil)

// FilesType is the files provider, the default: it saves the paths the
// block names besides the ones the playbook's steps write.
func FilesType() Type {
	return Type{
		Name: "files", About: "an archive on the host",
		Settings: []Setting{{Name: "paths", List: true}},
		Decode: func(b Body) Provider {
			paths := validPaths(b, "paths", ValidatePath, "files or directories to save")
			return &Files{Paths: append(slices.Clone(b.Writes()), paths...)}
		},
		FromRecord: func(*Snapshot) Provider { return &Files{} },
	}
}

// DefaultFiles is the provider of a playbook without a snapshot block
// whose run may roll back: the files provider, saving what the steps
// write and what apk and OpenRC keep (SystemPaths).
func DefaultFiles(writes []string) Provider { return &Files{Paths: slices.Clone(writes)} }

var runIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)

// paths are cleaned and deduplicated; a path inside another is kept,
// since on the host it may be a link that leads out of the other, and
// the host drops the nested ones once links are resolved.
func (f *Files) paths() []string {
	var out []string
	for _, p := range append(slices.Clone(SystemPaths), f.Paths...) {
		out = append(out, path.Clean(p))
	}
	sort.Strings(out)
	out = slices.Compact(out)
	// A path a list cannot hold (a line break) is fine inside another
	// path, which holds it, if not followed when it is a link.
	return slices.DeleteFunc(out, func(p string) bool {
		return strings.ContainsAny(p, "\n\r") && slices.ContainsFunc(out, func(q string) bool {
			return !strings.ContainsAny(q, "\n\r") && (q == "/" || strings.HasPrefix(p, q+"/"))
		})
	})
}

// Take writes the snapshot in one round trip. Files are created with
// umask 077: a snapshot can hold secrets from /etc.
func (f *Files) Take(ctx context.Context, t Target, runID string) (*Snapshot, error) {
	h := t.Host
	if !runIDPattern.MatchString(runID) {
		return nil, fmt.Errorf("run id %q cannot name a directory", runID)
	}
	paths := f.paths()
	for _, p := range paths {
		if err := ValidatePath(p); err != nil {
			return nil, fmt.Errorf("snapshot path: %w", err)
		}
	}
	dir := Dir + "/" + runID
	out, err := h.Run(ctx, takeScript(dir, paths))
	if err != nil {
		return nil, err
	}
	if out.ExitCode == 4 {
		return nil, fmt.Errorf("snapshot paths: %s", strings.TrimSpace(out.Stderr))
	}
	if out.ExitCode != 0 {
		return nil, &hostcmd.Error{Msg: "taking a snapshot failed", Output: out}
	}
	digest, _, _ := strings.Cut(strings.TrimSpace(out.Stdout), " ")
	if len(digest) != 64 {
		return nil, fmt.Errorf("taking a snapshot: unexpected output %q", out.Stdout)
	}
	return &Snapshot{Provider: "files", RunID: runID, Location: dir, Digest: digest}, nil
}

// Restore verifies the snapshot, stops services that were not running,
// makes the package set equal to the snapshot's (adding, removing and
// changing versions), puts the files back (removing those that did not
// exist), and starts the services that were running. Each step can be
// done again: a restore cut off anywhere is finished by the next one.
func (f *Files) Restore(ctx context.Context, t Target, s *Snapshot) error {
	if err := f.restore(ctx, t, s); err != nil {
		var gone *GoneError
		if errors.As(err, &gone) {
			return err
		}
		return &IncompleteError{Err: err, RunID: s.RunID, Host: t.Name}
	}
	return nil
}

func (f *Files) restore(ctx context.Context, t Target, s *Snapshot) error {
	h := t.Host
	d := shell.Quote(s.Location)
	out, err := run(ctx, h, verifyScript(s.Location, s.Digest), "checking the snapshot")
	if err != nil {
		switch out.ExitCode {
		case 3:
			return &GoneError{fmt.Errorf("refusing to restore %s: it was modified after it was taken (%s)", s.Location, strings.TrimSpace(out.Stderr))}
		case 4:
			return &GoneError{fmt.Errorf("the snapshot %s is no longer on the host (deleted by 'snapshots prune' or by hand?): nothing was restored", s.Location)}
		}
		return err
	}
	thenStarted, nowStarted, _ := strings.Cut(out.Stdout, "--\n")
	then, now := lines(thenStarted), lines(nowStarted)

	if stop := minus(now, then); len(stop) > 0 {
		if _, err := run(ctx, h, serviceScript("stop", stop), "stopping services"); err != nil {
			return err
		}
	}
	files := filesScript(s.Location, s.RunID)
	if err := f.restorePackages(ctx, h, d); err != nil {
		// A run that broke apk's own files (replaced /etc, say) gets its
		// files back first, then its packages, then the files again.
		if _, ferr := run(ctx, h, files, "restoring files"); ferr != nil {
			return errors.Join(err, ferr)
		}
		if err := f.restorePackages(ctx, h, d); err != nil {
			return err
		}
	}
	if _, err := run(ctx, h, files, "restoring files"); err != nil {
		return err
	}
	if start := minus(then, now); len(start) > 0 {
		if _, err := run(ctx, h, serviceScript("start", start), "starting services"); err != nil {
			return err
		}
	}
	return nil
}

// GoneError is a snapshot that cannot be restored at all (deleted, or
// modified after it was taken): the host was not touched.
type GoneError struct{ Err error }

func (e *GoneError) Error() string { return e.Err.Error() }
func (e *GoneError) Unwrap() error { return e.Err }

// IncompleteError is a restore that stopped part way. Every path is then
// in its old or its new version, and running the rollback again
// finishes it.
type IncompleteError struct {
	Err         error
	RunID, Host string
}

func (e *IncompleteError) Error() string {
	hint := "'switchback rollback " + e.RunID
	if e.Host != "" {
		hint += " --hosts " + e.Host
	}
	return fmt.Sprintf("%v; the restore stopped part way, with each path in its old or its new version: run %s' again to finish it", e.Err, hint)
}
func (e *IncompleteError) Unwrap() error { return e.Err }

// restorePackages brings back the world file and lets apk sync the
// system to it, then pins the exact versions that differ and brings the
// world back once more, so that versions match as well as names.
func (f *Files) restorePackages(ctx context.Context, h hostcmd.Host, d string) error {
	const installed = `awk '/^P:/ { p = substr($0, 3) } /^V:/ { print p "=" substr($0, 3) }' /lib/apk/db/installed`
	// apk reads the repositories and keys of the snapshot, not those the
	// run may have changed (a repository that is gone would fail it).
	sync := `set -e
d=` + d + `
cd "$d"
` + lockLine + `
mkdir -p /etc/apk
t=$(mktemp -d /etc/apk/.switchback.XXXXXX)
trap 'rm -rf -- "$t"' EXIT
for p in etc/apk/repositories etc/apk/keys; do
  grep -qxF "$p" present.txt || continue
  tar -xzf files.tar.gz -C "$t" "$p"
  if [ -d "/$p" ] && ! [ -L "/$p" ]; then
    for k in "$t/$p"/*; do [ -e "$k" ] && mv -fT -- "$k" "/$p/${k##*/}"; done
  else
    mv -fT -- "$t/$p" "/$p"
  fi
done
cp world.txt /etc/apk/world
apk add --no-progress -q
cat installed.txt; echo --
` + installed + "\n"
	out, err := run(ctx, h, sync, "restoring the apk world")
	if err != nil {
		return err
	}
	wantText, gotText, _ := strings.Cut(out.Stdout, "--\n")
	want, got := lines(wantText), lines(gotText)
	if diff := minus(want, got); len(diff) > 0 {
		pin := `set -e
cd ` + d + `
apk add --no-progress -q ` + shell.Join(diff...) + `
cp world.txt /etc/apk/world
apk add --no-progress -q
` + installed + "\n"
		if out, err = run(ctx, h, pin, "restoring package versions"); err != nil {
			return err
		}
		got = lines(out.Stdout)
	}
	if missing, extra := minus(want, got), minus(got, want); len(missing)+len(extra) > 0 {
		return fmt.Errorf("after restoring, the packages still differ from the snapshot: missing %v, extra %v", missing, extra)
	}
	return nil
}

// Delete removes the snapshot's directory from the host. It refuses any
// location outside Dir, whatever the state database says.
func (f *Files) Delete(ctx context.Context, t Target, s *Snapshot) error {
	rel, ok := strings.CutPrefix(s.Location, Dir+"/")
	if !ok || rel == "" || strings.Contains(rel, "/") || !runIDPattern.MatchString(rel) {
		return fmt.Errorf("refusing to delete %q: snapshots live directly under %s", s.Location, Dir)
	}
	_, err := run(ctx, t.Host, "rm -rf -- "+shell.Quote(s.Location), "deleting the snapshot")
	return err
}

func serviceScript(verb string, services []string) string {
	return "for s in " + shell.Join(services...) + "; do rc-service \"$s\" " + verb + "; done"
}

func run(ctx context.Context, h hostcmd.Host, script, what string) (hostcmd.Output, error) {
	out, err := h.Run(ctx, script)
	if err != nil {
		return out, err
	}
	if out.ExitCode != 0 {
		return out, &hostcmd.Error{Msg: what + " failed", Output: out}
	}
	return out, nil
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// minus returns the items of a not in b.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
