package snapshot

import (
	"github.com/switchbackhq/switchback/internal/shell"
)

// The files provider's work on the host is done by the scripts below,
// for BusyBox ash and BusyBox's tar, find, stat and mv. Every name they
// handle below a snapshot's roots travels as a command argument (find
// -exec ... {} +) or inside a tar archive, never as a line of text, so
// names may hold spaces, newlines and bytes that are not UTF-8. Only the
// roots themselves are listed one per line, and a root whose name holds
// a line break is refused.

// Keep lists what no snapshot saves or restores: switchback's own state
// on the host (its snapshots, journals and locks) and the staging
// directories of restores. A snapshot path that contains one of them is
// saved without it; a path inside one is refused.
var Keep = []string{"/var/lib/switchback", "/run/switchback"}

// stagePrefix names the staging directory a restore extracts into, next
// to what it restores (on the same filesystem, so that it can rename).
const stagePrefix = ".switchback-restore."

// keepFind is the find expression that leaves out what Keep names and
// stale staging directories, as tar's -X patterns below do (a pattern
// matches at any depth).
const keepFind = `\( -path '*/var/lib/switchback' -o -path '*/run/switchback' -o -name '` + stagePrefix + `*' \) -prune -o`

// keepCase is the same as a case pattern on a path, for the helpers that
// walk with find -depth (where -prune cannot be used).
const keepCase = `*/var/lib/switchback|*/var/lib/switchback/*|*/run/switchback|*/run/switchback/*|*/` + stagePrefix + `*`

// canonFunctions resolve a path the way the kernel would when a step
// writes to it: symbolic links among its parents are followed (canon),
// and a path that is itself a symbolic link is saved together with what
// it finally points to (follow), since a step that edits it changes the
// target.
const canonFunctions = `
canon() {
  p=$1
  case $p in /) echo /; return;; esac
  base=${p##*/} q=${p%/*} rest=
  [ -n "$q" ] || q=/
  while [ "$q" != / ] && ! [ -d "$q" ]; do
    rest=/${q##*/}$rest
    q=${q%/*}
    [ -n "$q" ] || q=/
  done
  q=$(readlink -f "$q") || q=/
  [ "$q" = / ] && q=
  case $base in
  .|..) readlink -f "$q$rest/$base" 2>/dev/null || echo "$q$rest/$base" ;;
  *) echo "$q$rest/$base" ;;
  esac
}
nl='
'
follow() {
  c=$(canon "$1") n=0
  while :; do
    case $c in *"$nl"*)
      echo "snapshot path $1 resolves to a name with a line break, which a snapshot cannot list: $c" >&2
      exit 4 ;;
    esac
    echo "$c"
    [ -L "$c" ] && [ $n -lt 40 ] || return 0
    t=$(readlink "$c") || return 0
    case $t in /*) ;; *) t=${c%/*}/$t ;; esac
    c=$(canon "$t")
    n=$((n + 1))
  done
}
`

// takeScript saves the roots (absolute, cleaned) into dir.
func takeScript(dir string, roots []string) string {
	return `set -e
umask 077
export LC_ALL=C
d=` + shell.Quote(dir) + `
if [ -e "$d" ]; then echo "a snapshot of this run already exists at $d" >&2; exit 3; fi
mkdir -p "$d"
# A snapshot that cannot be completed (a full disk) is removed, so that
# no half snapshot is ever restored or blocks the run's next attempt.
trap 'cd /; rm -rf "$d"' EXIT
cd "$d"
` + canonFunctions + `
for p in ` + shell.Join(roots...) + `; do follow "$p"; done > resolved.txt
# The roots as they are on this host: symbolic links resolved, the ones
# inside another left out (the other holds them), sorted.
while IFS= read -r p; do
  case $p in
  /var/lib/switchback|/var/lib/switchback/*|/run/switchback|/run/switchback/*)
    echo "snapshot path $p is where switchback keeps its own state; leave it out of the snapshot's paths" >&2; exit 4 ;;
  /) echo "a snapshot path resolves to / (the whole filesystem); name the directories to keep" >&2; exit 4 ;;
  esac
  echo "${p#/}"
done < resolved.txt | sort -u | awk '{ for (i = 1; i <= n; i++) if (index($0, k[i] "/") == 1) next; k[++n] = $0; print }' > roots.txt
: > present.txt
: > absent.txt
: > counts.txt
: > linkowners.bin
: > anchors.txt
while IFS= read -r p; do
  if [ -e "/$p" ] || [ -L "/$p" ]; then
    echo "$p" >> present.txt
    n=$(find "/$p" ` + keepFind + ` -print0 | tr -cd '\0' | wc -c)
    echo "$n $p" >> counts.txt
    # BusyBox tar does not give symbolic links back their owners: keep
    # those not owned by root, as NUL-separated owner and name pairs.
    find "/$p" ` + keepFind + ` -type l \( ! -user 0 -o ! -group 0 \) -exec sh -c 'for l do printf "%s\0%s\0" "$(stat -c %u:%g -- "$l")" "$l"; done' sh {} + >> linkowners.bin
  else
    echo "$p" >> absent.txt
    q=/$p
    while [ -n "$q" ] && ! [ -d "$q" ]; do q=${q%/*}; done
    echo "${q:-/} $p" >> anchors.txt
  fi
done < roots.txt
printf '%s\n' var/lib/switchback run/switchback '` + stagePrefix + `*' > exclude.txt
tar -czf files.tar.gz -C / -X exclude.txt -T present.txt
cp /etc/apk/world world.txt
awk '/^P:/ { p = substr($0, 3) } /^V:/ { print p "=" substr($0, 3) }' /lib/apk/db/installed > installed.txt
ls /run/openrc/started/ > started.txt 2>/dev/null || :
sha256sum files.tar.gz present.txt absent.txt counts.txt linkowners.bin anchors.txt world.txt installed.txt started.txt > MANIFEST
# On disk before the host is changed: the snapshot's own files and
# directories, not every dirty page of the host (a plain sync waits for
# those too, seconds on a busy host).
sync files.tar.gz present.txt absent.txt counts.txt linkowners.bin anchors.txt world.txt installed.txt started.txt MANIFEST . .. ../..
trap - EXIT
sha256sum MANIFEST
`
}

// verifyScript checks the snapshot against the digest the controller
// kept, and prints the services started then and now. Exit 4: the
// snapshot is gone; 3: it was modified.
func verifyScript(dir, digest string) string {
	return `set -e
d=` + shell.Quote(dir) + `
if ! [ -d "$d" ]; then echo "the snapshot is no longer on the host: $d does not exist" >&2; exit 4; fi
cd "$d"
[ -f MANIFEST ] || { echo "MANIFEST is missing" >&2; exit 3; }
[ "$(sha256sum MANIFEST | cut -d' ' -f1)" = ` + shell.Quote(digest) + ` ] || { echo "MANIFEST was modified" >&2; exit 3; }
sha256sum -c -s MANIFEST || { echo "a file of the snapshot does not match its MANIFEST" >&2; exit 3; }
cat started.txt; echo --
ls /run/openrc/started/ 2>/dev/null || :
`
}

// lockLine serialises the restores of one snapshot: a restore whose
// controller went away goes on to its end on the host, and the next one
// waits for it rather than work beside it.
const lockLine = `exec 9>>"$d/restore.lock"
i=0
until flock -n 9; do
  i=$((i + 1))
  [ $i -lt 600 ] || { echo "another restore of this snapshot has been running for 10 minutes; try again when it ends" >&2; exit 5; }
  sleep 1
done
`

// removeHelper removes what is under a root on the host but not in its
// staged copy, deepest first; $1 is the staging directory.
const removeHelper = `set -e
s=$1; shift
for l do
  case $l in "$s"|"$s"/*|` + keepCase + `) continue ;; esac
  if [ -e "$s$l" ] || [ -L "$s$l" ]; then continue; fi
  if [ -d "$l" ] && ! [ -L "$l" ]; then rmdir -- "$l" 2>/dev/null || :; else rm -f -- "$l"; fi
done
`

// installHelper puts each staged entry in place, parents first; $1 is
// the staging directory, $2 the trash inside it, $3 the mount points
// below the root, which are restored on their own. A file or link
// replaces the old one with one rename, so that the path is always
// either; a file that did not change is left as it is. A directory is
// kept and given its owner and mode. Only where the type changed, or the
// old entry is a link to a directory or a link that leads nowhere (which
// BusyBox mv will not rename over), is the old entry moved to the trash
// first, for the moment between two renames.
const installHelper = `set -e
nl="
"
IFS=$nl
s=$1 trash=$2 mounts=$3; shift 3
n=0
aside() { n=$((n + 1)); mv -f -- "$1" "$trash/$$.$n"; }
for x do
  l=${x#"$s"}
  skip=
  for m in $mounts; do case $l in "$m"|"$m"/*) skip=1 ;; esac; done
  [ -z "$skip" ] || continue
  if [ -d "$x" ] && ! [ -L "$x" ]; then
    if ! [ -d "$l" ] || [ -L "$l" ]; then
      if [ -e "$l" ] || [ -L "$l" ]; then aside "$l"; fi
      mkdir -- "$l"
    fi
    m=$(stat -c "%u:%g %a" -- "$x")
    chown -- "${m% *}" "$l"
    chmod -- "${m#* }" "$l"
  else
    if [ -f "$x" ] && ! [ -L "$x" ] && [ -f "$l" ] && ! [ -L "$l" ]; then
      m=$(stat -c "%h %s %u %g %a" -- "$x" "$l")
      if [ "${m%%"$nl"*}" = "1 ${m#*"$nl"* }" ] && cmp -s -- "$x" "$l"; then
        rm -f -- "$x"
        continue
      fi
    fi
    # BusyBox mv -T stats the target through a link: a link to a
    # directory, a dangling one or a loop goes aside first.
    if [ -d "$l" ] || { [ -L "$l" ] && ! [ -e "$l" ]; }; then aside "$l"; fi
    mv -fT -- "$x" "$l"
  fi
done
`

// filesScript puts the files of the snapshot in dir back: every root is
// extracted into a staging directory on its own filesystem and checked
// against the count of entries taken with the snapshot; only then is
// anything on the host changed, entry by entry with renames. Cut off at
// any point, it leaves each path in its old or its new version, and
// running it again finishes the work.
func filesScript(dir, runID string) string {
	return `set -e
trap '' HUP PIPE
export LC_ALL=C
nl='
'
IFS=$nl
d=` + shell.Quote(dir) + `
S=` + shell.Quote(stagePrefix+runID) + `
` + lockLine + `
cd "$d"
[ -f counts.txt ] || : > counts.txt
# Mount points, from the kernel's table, unescaped; one with a line
# break in its name is not restored into.
mounts=$(awk '{ print $5 }' /proc/self/mountinfo 2>/dev/null | grep -v '\\012' | sed 's/\\\([0-7][0-7][0-7]\)/\\0\1/g' | while IFS= read -r m; do printf '%b\n' "$m"; done)
under() { # the mount points strictly below $1, one a line
  printf '%s\n' "$mounts" | while IFS= read -r m; do case $m in "$1"/*) echo "$m" ;; esac; done
}
stage_of() { # where root $1 is staged: beside it, or inside a mount point
  if mountpoint -q "$1" 2>/dev/null; then echo "$1/$S"; else p=${1%/*}; echo "${p:-}/$S"; fi
}
# extract stage root: BusyBox tar takes a member as a pattern, so a
# root whose name holds one of [ ] * ? \ comes with the whole archive.
whole=
extract() {
  case " $whole " in *"$nl$1$nl"*) return 0 ;; esac
  case $2 in
  *[][*?\\]*) whole="$whole$nl$1$nl"; set -- "$1" ;;
  esac
  tar -xzf "$d/files.tar.gz" -C "$@" || { echo "extracting the snapshot into $1 failed (is the disk full?)" >&2; exit 6; }
}
# linkowners stage dir: tar leaves a link to whoever made it (root, and
# the group of a setgid directory): links are root's but those the
# snapshot lists with their owners.
linkowners() {
  [ -e "$2" ] || [ -L "$2" ] || return 0
  find "$2" -type l -exec chown -h 0:0 {} +
  if [ -s linkowners.bin ]; then
    xargs -0 -n 2 sh -c '[ -L "$0$2" ] && chown -h -- "$1" "$0$2" || :' "$1" < linkowners.bin
  fi
}
stages=
cleanup() { cd /; printf '%s\n' "$stages" | while IFS= read -r x; do [ -z "$x" ] || rm -rf -- "$x"; done; }
trap cleanup EXIT
# Older snapshots may list nested roots: the outer one holds the inner.
awk '{ for (i = 1; i <= n; i++) if (index($0, k[i] "/") == 1) next; k[++n] = $0; print }' present.txt > "$d/roots.txt.restore"

# 1. Stage and verify every root; nothing on the host changes yet.
while IFS= read -r r; do
  R=/$r
  st=$(stage_of "$R")
  mkdir -p -- "${R%/*}/"
  case " $stages " in *"
$st
"*) ;; *) rm -rf -- "$st"; stages="$stages
$st
" ;; esac
  mkdir -p -- "$st/.trash"
  extract "$st" "$r"
  want=$(R0="$r" awk 'index($0, " ") && substr($0, index($0, " ") + 1) == ENVIRON["R0"] { print substr($0, 1, index($0, " ") - 1) }' counts.txt)
  if [ -n "$want" ]; then
    got=$(find "$st$R" -print0 | tr -cd '\0' | wc -c)
    [ "$got" = "$want" ] || { echo "the staged copy of $R has $got entries, the snapshot $want" >&2; exit 6; }
  fi
  linkowners "$st" "$st$R"
  if mountpoint -q "$R" 2>/dev/null && { ! [ -d "$st$R" ] || [ -L "$st$R" ]; }; then
    echo "$R is a mount point now: the file the snapshot holds cannot replace it" >&2; exit 6
  fi
  for M in $(under "$R"); do
    [ -d "$st$M" ] && ! [ -L "$st$M" ] || continue
    ms=$M/$S
    rm -rf -- "$ms"; stages="$stages
$ms
"
    mkdir -p -- "$ms/.trash"
    extract "$ms" "${M#/}"
    linkowners "$ms" "$ms$M"
  done
done < "$d/roots.txt.restore"
sync

# 2. Put every root in place: remove what the snapshot did not have,
# then rename each staged entry over the live one.
while IFS= read -r r; do
  R=/$r
  st=$(stage_of "$R")
  subs=$(under "$R")
  if [ -d "$R" ] && ! [ -L "$R" ]; then
    find "$R" -xdev -depth -exec sh -c '` + removeHelper + `' sh "$st" {} +
  fi
  find "$st$R" -exec sh -c '` + installHelper + `' sh "$st" "$st/.trash" "$subs" {} +
  for M in $subs; do
    ms=$M/$S
    [ -d "$ms$M" ] || continue
    find "$M" -xdev -depth -exec sh -c '` + removeHelper + `' sh "$ms" {} +
    find "$ms$M" -exec sh -c '` + installHelper + `' sh "$ms" "$ms/.trash" "" {} +
  done
done < "$d/roots.txt.restore"

# 3. Roots that did not exist when the snapshot was taken go.
while IFS= read -r r; do
  R=/$r
  # The trash goes beside the highest parent the run made, so that
  # those parents can go too, up to the one that was there.
  a=$(R0="$r" awk 'index($0, " ") && substr($0, index($0, " ") + 1) == ENVIRON["R0"] { print substr($0, 1, index($0, " ") - 1) }' anchors.txt 2>/dev/null)
  if [ -e "$R" ] || [ -L "$R" ]; then
    if mountpoint -q "$R" 2>/dev/null; then echo "$R is a mount point now; it did not exist when the snapshot was taken: unmount it" >&2; exit 6; fi
    st=${a:-${R%/*}}
    st=${st%/}/$S
    case " $stages " in *"
$st
"*) ;; *) stages="$stages
$st
" ;; esac
    mkdir -p -- "$st/.trash"
    mv -f -- "$R" "$st/.trash/absent"
    rm -rf -- "$st"
  fi
  if [ -n "$a" ]; then
    p=${R%/*}
    while [ "${#p}" -gt "${#a}" ] && [ -d "$p" ] && ! [ -L "$p" ]; do
      rmdir -- "$p" 2>/dev/null || break
      p=${p%/*}
    done
  fi
done < absent.txt
sync
`
}
