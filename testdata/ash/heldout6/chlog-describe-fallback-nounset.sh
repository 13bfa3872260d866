#!/bin/bash
# git-changelog.sh
# A changelog from the commit messages between two git tags.
#
# Usage:
#   ./scripts/git-changelog.sh [FROM_REF]
#
# With FROM_REF (a tag such as "v1.0.0") the changelog covers the commits
# after it up to HEAD; without it, the latest tag reachable from HEAD.
# With no tags at all, every commit.
git() {
	case "$1" in
	describe) echo "describe: no tags" >&2; return 128 ;;
	log) shift; echo "git log $*" >&2; printf '%s\n' '- Add the installer' '- Document the flags' ;;
	esac
}

set -euo pipefail

FROM_REF="${1:-}"

if [ -z "$FROM_REF" ]; then
  FROM_REF=$(git describe --tags --abbrev=0 2>/dev/null || echo "")
fi

if [ -n "$FROM_REF" ]; then
  git log --pretty=format:'- %s' "${FROM_REF}..HEAD"
else
  git log --pretty=format:'- %s'
fi
