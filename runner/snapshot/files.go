package snapshot

import (
	"context"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
	"github.com/switchbackhq/switchback/modules"
)

// Dir is where the files provider keeps snapshots on each host.
const Dir = "/var/lib/switchback/snapshots"

// SystemPaths are always part of a files snapshot: what apk and OpenRC
// keep their configuration in.
var SystemPaths = []string{"/etc/apk/world", "/etc/apk/repositories", "/etc/runlevels", "/etc/conf.d"}

// Files snapshots a host with the tools every Alpine host has: a tar
// archive of the paths, the apk world and installed versions, and the
// started OpenRC services, with a sha256 manifest.
type Files struct {
	// Paths are saved in addition to SystemPaths.
	Paths []string
}

var _ Provider = (*Files)(nil)

var runIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)

func (f *Files) paths() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range append(slices.Clone(SystemPaths), f.Paths...) {
		p = path.Clean(p)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// Take writes the snapshot in one round trip. Files are created with
// umask 077: a snapshot can hold secrets from /etc.
func (f *Files) Take(ctx context.Context, t Target, runID string) (*Snapshot, error) {
	h := t.Host
	if !runIDPattern.MatchString(runID) {
		return nil, fmt.Errorf("run id %q cannot name a directory", runID)
	}
	var rel []string
	for _, p := range f.paths() {
		if err := ValidatePath(p); err != nil {
			return nil, fmt.Errorf("snapshot path: %w", err)
		}
		rel = append(rel, strings.TrimPrefix(p, "/"))
	}
	dir := Dir + "/" + runID
	script := `set -e
umask 077
d=` + shell.Quote(dir) + `
if [ -e "$d" ]; then echo "a snapshot of this run already exists at $d" >&2; exit 3; fi
mkdir -p "$d"
# A snapshot that cannot be completed (a full disk) is removed, so that
# no half snapshot is ever restored or blocks the run's next attempt.
trap 'cd /; rm -rf "$d"' EXIT
cd "$d"
: > present.txt
: > absent.txt
for p in ` + shell.Join(rel...) + `; do
  if [ -e "/$p" ] || [ -L "/$p" ]; then echo "$p" >> present.txt; else echo "$p" >> absent.txt; fi
done
tar -czf files.tar.gz -C / -T present.txt
cp /etc/apk/world world.txt
awk '/^P:/ { p = substr($0, 3) } /^V:/ { print p "=" substr($0, 3) }' /lib/apk/db/installed > installed.txt
ls /run/openrc/started/ > started.txt 2>/dev/null || :
sha256sum files.tar.gz present.txt absent.txt world.txt installed.txt started.txt > MANIFEST
sync
trap - EXIT
sha256sum MANIFEST
`
	out, err := h.Run(ctx, script)
	if err != nil {
		return nil, err
	}
	if out.ExitCode != 0 {
		return nil, &modules.StepError{Msg: "taking a snapshot failed", Output: out}
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
// exist), and starts the services that were running.
func (f *Files) Restore(ctx context.Context, t Target, s *Snapshot) error {
	h := t.Host
	d := shell.Quote(s.Location)
	verify := `set -e
cd ` + d + `
[ "$(sha256sum MANIFEST | cut -d' ' -f1)" = ` + shell.Quote(s.Digest) + ` ] || { echo "MANIFEST was modified" >&2; exit 3; }
sha256sum -c -s MANIFEST || { echo "a file of the snapshot does not match its MANIFEST" >&2; exit 3; }
cat started.txt; echo --
ls /run/openrc/started/ 2>/dev/null || :
`
	out, err := run(ctx, h, verify, "checking the snapshot")
	if err != nil {
		if out.ExitCode == 3 {
			return fmt.Errorf("refusing to restore %s: it was modified after it was taken (%s)", s.Location, strings.TrimSpace(out.Stderr))
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
	if err := f.restorePackages(ctx, h, d); err != nil {
		return err
	}
	files := `set -e
cd ` + d + `
while IFS= read -r p; do rm -rf "/$p"; done < absent.txt
while IFS= read -r p; do rm -rf "/$p"; done < present.txt
tar -xzf files.tar.gz -C /
`
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

// restorePackages brings back the world file and lets apk sync the
// system to it, then pins the exact versions that differ and brings the
// world back once more, so that versions match as well as names.
func (f *Files) restorePackages(ctx context.Context, h modules.Host, d string) error {
	const installed = `awk '/^P:/ { p = substr($0, 3) } /^V:/ { print p "=" substr($0, 3) }' /lib/apk/db/installed`
	sync := `set -e
cd ` + d + `
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

func run(ctx context.Context, h modules.Host, script, what string) (modules.Output, error) {
	out, err := h.Run(ctx, script)
	if err != nil {
		return out, err
	}
	if out.ExitCode != 0 {
		return out, &modules.StepError{Msg: what + " failed", Output: out}
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
