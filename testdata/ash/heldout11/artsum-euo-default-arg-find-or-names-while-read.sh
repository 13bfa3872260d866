#!/usr/bin/env bash
set -euo pipefail

# Usage: scripts/release.sh <artifacts_dir>

# Fixtures: the build's artifacts, and one file that is not an artifact.
mkdir -p .build/mac
printf 'zip\n' > .build/app.zip
printf 'dmg\n' > .build/mac/app.dmg
printf 'log\n' > .build/build.log
set --

ARTIFACTS_DIR=${1:-".build"}

if [ ! -d "$ARTIFACTS_DIR" ]; then
  echo "Artifacts directory not found: $ARTIFACTS_DIR" >&2
  exit 1
fi

echo "Generating SHA256 checksums in $ARTIFACTS_DIR"
find "$ARTIFACTS_DIR" -type f \( -name "*.zip" -o -name "*.tar.gz" -o -name "*.dmg" -o -name "*.exe" -o -name "*.AppImage" \) | sort | while read -r file; do
  shasum -a 256 "$file" > "$file.sha256"
  echo "checksum: $file.sha256"
done

echo "Release assets prepared."
cat .build/app.zip.sha256 .build/mac/app.dmg.sha256
