#!/bin/bash
# Clone repositories from a comma-separated list

set -e
set -- "https://example.org/user/repo1.git, https://example.org/user/repo2 ,,https://example.org/user/repo3.git"

REPOS="${1:-$CLONE_REPOS}"
PROJECTS_DIR="${PROJECTS_DIR:-projects}"
mkdir -p "$PROJECTS_DIR/repo2"
git() { echo "git $*"; }

if [ -z "$REPOS" ]; then
    echo "No repositories to clone"
    exit 0
fi

echo "Cloning repositories to $PROJECTS_DIR..."

IFS=',' read -ra REPO_LIST <<< "$REPOS"
for repo in "${REPO_LIST[@]}"; do
    # Trim whitespace
    repo=$(echo "$repo" | xargs)
    if [ -z "$repo" ]; then
        continue
    fi

    # Extract repo name from URL
    repo_name=$(basename "$repo" .git)
    target_dir="${PROJECTS_DIR}/${repo_name}"

    if [ -d "$target_dir" ]; then
        echo "  $repo_name already exists, pulling"
        git -C "$target_dir" pull --ff-only
    else
        echo "  cloning $repo_name"
        git clone "$repo" "$target_dir"
    fi
done
echo "Done."
