#!/usr/bin/env sh

#### trash -- a safer alternative to `rm`
# Unlike `rm`, which completely deletes files, `trash` instead moves them to a
# trash directory, so mistakenly trashed files can be retrieved in the future.
####

## Respect the 'SampShell_XTRACE' environment variable
if [ "${SampShell_XTRACE-}" = 1 ]; then
	set -o xtrace
	export SampShell_XTRACE
fi

SampShell_TRASHDIR=${SampShell_TRASHDIR:-trash}
mkdir -p bin
cat > bin/mv-safe <<'STUB'
#!/bin/sh
dir=$1; shift
for f; do
	if [ -e "$dir/${f##*/}" ]; then echo "mv-safe: $dir/${f##*/} exists" >&2; exit 1; fi
	mv -- "$f" "$dir/"
done
STUB
chmod +x bin/mv-safe
PATH=$PWD/bin:$PATH

trash () {
	case ${1-} in
	--empty)
		rm -rf -- "${SampShell_TRASHDIR:?}"/* && echo 'trash emptied'
		return ;;
	-h|--help)
		printf 'usage: trash [--empty] file ...\n'
		return ;;
	esac
	[ -d "$SampShell_TRASHDIR" ] || mkdir -p -- "$SampShell_TRASHDIR" || return
	mv-safe "$SampShell_TRASHDIR" "$@"
}

touch a.log b.log
trash a.log b.log && ls "$SampShell_TRASHDIR"
touch a.log
trash a.log || echo "kept a.log"
trash --empty
ls "$SampShell_TRASHDIR" | wc -l
