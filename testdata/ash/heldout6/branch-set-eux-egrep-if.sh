#!/usr/bin/env bash
#
# Tidy up local branches that are merged.
#
mkdir -p bin
cat > bin/git <<'G'
#!/bin/sh
case "$1 $2" in
"branch --merged") printf '  old-ui\n* master\n  stable\n  spike-cache\n' ;;
"branch -d") shift 2; for b; do echo "Deleted branch $b (was 0badf00)."; done ;;
"branch ") printf '* master\n  stable\n' ;;
esac
G
chmod +x bin/git
PATH=$PWD/bin:$PATH
set -eux
if git branch --merged | egrep -v "(^\*|master|stable)"; then
  git branch --merged | egrep -v "(^\*|master|stable)" | xargs git branch -d
fi
git branch
