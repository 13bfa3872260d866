#!/usr/bin/env bash
# Fixes file permissions (644 for files, 755 for directories and scripts)
# A template script for automated fixes
mkdir -p .git/objects src scripts
touch .git/HEAD src/main.c scripts/build.sh
chmod 600 .git/HEAD src/main.c
chmod 700 src

set -euo pipefail

echo "[INFO] Fixing file permissions..."

# Directories
find . -type d -not -path './.git/*' -exec chmod 755 {} \; 2>/dev/null || true

# Files
find . -type f -not -path './.git/*' -exec chmod 644 {} \; 2>/dev/null || true

# Scripts stay executable
find . -type f -name '*.sh' -not -path './.git/*' -exec chmod 755 {} \; 2>/dev/null || true

changed=$(find . -type f -not -path './.git/*' -perm 644 | wc -l)
echo "[INFO] ${changed} files at 644"
echo "[INFO] .git left alone: $(find .git -type f -perm 600 | wc -l)"
