#!/usr/bin/env bash
set -euo pipefail

# Verify the integrity and provenance of a release tarball and associated artifacts.
# Usage: ./scripts/verify_release.sh Machine-v1.0.2.tar.gz

mkdir -p artifacts dist
printf 'machine 1.0.2\n' > dist/Machine-v1.0.2.tar.gz
(cd dist && sha256sum Machine-v1.0.2.tar.gz) > artifacts/MANIFEST.sha256
set -- dist/Machine-v1.0.2.tar.gz

TARBALL=${1:-}
if [ -z "$TARBALL" ]; then
  echo "Usage: $0 <release-tarball>" >&2
  exit 2
fi

MANIFEST=artifacts/MANIFEST.sha256
EXPECTED_SHA=$(grep "$(basename "$TARBALL")" "$MANIFEST" | awk '{print $1}')
if [ -z "$EXPECTED_SHA" ]; then
  echo "No SHA entry found for $TARBALL in $MANIFEST" >&2
  exit 3
fi

echo "Expected SHA256: $EXPECTED_SHA"
CALC_SHA=$(sha256sum "$TARBALL" | awk '{print $1}')
if [ "$CALC_SHA" != "$EXPECTED_SHA" ]; then
  echo "SHA mismatch! calculated=$CALC_SHA expected=$EXPECTED_SHA" >&2
  exit 4
fi
echo "verified"
