package snapshot

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/switchbackhq/switchback/internal/shell"
)

// DefaultBtrfsDir is where the btrfs provider puts snapshots unless the
// playbook says otherwise. It must be on the same btrfs filesystem as
// the subvolumes: a snapshot cannot cross filesystems.
const DefaultBtrfsDir = "/.snapshots/switchback"

// Btrfs snapshots btrfs subvolumes on the host: a read-only snapshot of
// each under Dir/<run>/, and a restore that replaces each subvolume by a
// writable snapshot of its read-only one. It needs the btrfs command on
// the host (Alpine's btrfs-progs) and subvolumes that are not mount
// points themselves (a mounted subvolume cannot be swapped).
type Btrfs struct {
	Subvolumes []string
	Dir        string
}

var _ Provider = (*Btrfs)(nil)

// BtrfsType is the btrfs provider.
func BtrfsType() Type {
	return Type{
		Name: "btrfs", About: "read-only subvolume snapshots on the host",
		Settings: []Setting{{Name: "subvolumes", List: true, Required: `subvolumes = ["/srv/data"]`}, {Name: "dir"}},
		Decode: func(b Body) Provider {
			p := &Btrfs{Subvolumes: validPaths(b, "subvolumes", ValidateSubvolume, "btrfs subvolumes to snapshot")}
			if list, ok := b.Strings("subvolumes"); ok && len(list) == 0 {
				b.Invalid("subvolumes", "Invalid snapshot subvolumes", "The list is empty; name at least one btrfs subvolume.")
			}
			if dir, ok := b.String("dir"); ok {
				if err := ValidateSubvolume(dir); err != nil {
					b.Invalid("dir", "Invalid snapshot dir", capitalize(err.Error())+"; give an absolute directory on the same btrfs filesystem as the subvolumes.")
				}
				p.Dir = dir
			}
			return p
		},
		FromRecord: func(s *Snapshot) Provider { return &Btrfs{Dir: s.Settings["dir"]} },
	}
}

func (b *Btrfs) dir() string {
	if b.Dir == "" {
		return DefaultBtrfsDir
	}
	return path.Clean(b.Dir)
}

// ValidateSubvolume refuses subvolume paths the provider cannot handle:
// relative ones, "/" and names a tab-separated manifest cannot hold.
func ValidateSubvolume(p string) error {
	if err := ValidatePath(p); err != nil {
		return err
	}
	if strings.Contains(p, "\t") {
		return fmt.Errorf("%q holds a tab", p)
	}
	return nil
}

// btrfsFunctions are shell functions for the scripts below: gen prints
// the last transaction that changed a subvolume (a read-only snapshot
// keeps the one it was created with unless someone made it writable and
// changed it), uuid its uuid (a snapshot deleted and made again gets a
// new one).
const btrfsFunctions = `gen() { btrfs subvolume find-new "$1" 999999999999 | awk '{ print $NF }'; }
uuid() { btrfs subvolume show "$1" | awk '$1 == "UUID:" { print $2 }'; }
tab=$(printf '\t')
`

// Take snapshots every subvolume read-only into Dir/<run>/1, 2, ... and
// writes a MANIFEST of (number, uuid, generation, subvolume) whose hash
// stays on the controller.
func (b *Btrfs) Take(ctx context.Context, t Target, runID string) (*Snapshot, error) {
	if !runIDPattern.MatchString(runID) {
		return nil, fmt.Errorf("run id %q cannot name a directory", runID)
	}
	if len(b.Subvolumes) == 0 {
		return nil, fmt.Errorf("the btrfs provider needs subvolumes to snapshot")
	}
	var subs []string
	for _, s := range b.Subvolumes {
		if err := ValidateSubvolume(s); err != nil {
			return nil, fmt.Errorf("snapshot subvolume: %w", err)
		}
		subs = append(subs, path.Clean(s))
	}
	dir := b.dir() + "/" + runID
	script := `set -e
umask 077
command -v btrfs >/dev/null || { echo "the btrfs command is not installed on the host (apk add btrfs-progs)" >&2; exit 3; }
` + btrfsFunctions + `d=` + shell.Quote(dir) + `
if [ -e "$d" ]; then echo "a snapshot of this run already exists at $d" >&2; exit 3; fi
mkdir -p "$d"
: > "$d/MANIFEST.new"
i=0
for s in ` + shell.Join(subs...) + `; do
  i=$((i + 1))
  btrfs subvolume show "$s" >/dev/null 2>&1 || { echo "$s is not a btrfs subvolume" >&2; exit 3; }
  btrfs subvolume snapshot -r "$s" "$d/$i" >/dev/null || { echo "cannot snapshot $s into $d: it must be on the same btrfs filesystem" >&2; exit 3; }
  printf '%s\t%s\t%s\t%s\n' "$i" "$(uuid "$d/$i")" "$(gen "$d/$i")" "$s" >> "$d/MANIFEST.new"
done
mv "$d/MANIFEST.new" "$d/MANIFEST"
sha256sum "$d/MANIFEST"
`
	out, err := run(ctx, t.Host, script, "taking a btrfs snapshot")
	if err != nil {
		return nil, err
	}
	digest, _, _ := strings.Cut(strings.TrimSpace(out.Stdout), " ")
	if len(digest) != 64 {
		return nil, fmt.Errorf("taking a btrfs snapshot: unexpected output %q", out.Stdout)
	}
	return &Snapshot{Provider: "btrfs", RunID: runID, Location: dir, Digest: digest,
		Settings: map[string]string{"dir": b.dir()}}, nil
}

// Restore checks every snapshot of the manifest first (present, still
// read-only, same uuid and generation) and only then swaps each
// subvolume for a writable snapshot of its read-only one, deleting the
// subvolume as the run left it.
func (b *Btrfs) Restore(ctx context.Context, t Target, s *Snapshot) error {
	script := `set -e
` + btrfsFunctions + `d=` + shell.Quote(s.Location) + `
[ -f "$d/MANIFEST" ] || { echo "there is no snapshot at $d" >&2; exit 3; }
[ "$(sha256sum "$d/MANIFEST" | cut -d' ' -f1)" = ` + shell.Quote(s.Digest) + ` ] || { echo "its MANIFEST was modified" >&2; exit 3; }
while IFS="$tab" read -r i id g s; do
  [ -d "$d/$i" ] || { echo "the snapshot of $s ($d/$i) is missing" >&2; exit 3; }
  [ "$(btrfs property get -ts "$d/$i" ro)" = ro=true ] || { echo "the snapshot of $s ($d/$i) was made writable" >&2; exit 3; }
  [ "$(uuid "$d/$i")" = "$id" ] || { echo "the snapshot of $s ($d/$i) was replaced" >&2; exit 3; }
  [ "$(gen "$d/$i")" = "$g" ] || { echo "the snapshot of $s ($d/$i) was changed after it was taken" >&2; exit 3; }
done < "$d/MANIFEST"
run=$(basename "$d")
while IFS="$tab" read -r i id g s; do
  new="$s.switchback-restore-$run" old="$s.switchback-old-$run"
  [ ! -e "$new" ] || btrfs subvolume delete "$new" >/dev/null
  btrfs subvolume snapshot "$d/$i" "$new" >/dev/null
  [ ! -e "$old" ] || btrfs subvolume delete "$old" >/dev/null
  mv "$s" "$old"
  mv "$new" "$s"
  btrfs subvolume delete "$old" >/dev/null
done < "$d/MANIFEST"
`
	out, err := run(ctx, t.Host, script, "restoring btrfs subvolumes")
	if err != nil && out.ExitCode == 3 {
		return fmt.Errorf("refusing to restore %s: %s", s.Location, strings.TrimSpace(out.Stderr))
	}
	return err
}

// Delete removes the read-only snapshots and their manifest. It refuses
// any location that is not directly under the provider's directory.
func (b *Btrfs) Delete(ctx context.Context, t Target, s *Snapshot) error {
	rel, ok := strings.CutPrefix(s.Location, b.dir()+"/")
	if !ok || !runIDPattern.MatchString(rel) {
		return fmt.Errorf("refusing to delete %q: btrfs snapshots live directly under %s", s.Location, b.dir())
	}
	script := `set -e
d=` + shell.Quote(s.Location) + `
[ -d "$d" ] || exit 0
for p in "$d"/*; do
  [ -d "$p" ] || continue
  btrfs subvolume delete "$p" >/dev/null
done
rm -f "$d/MANIFEST" "$d/MANIFEST.new"
rmdir "$d"
`
	_, err := run(ctx, t.Host, script, "deleting the btrfs snapshot")
	return err
}
