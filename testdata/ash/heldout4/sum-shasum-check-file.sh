#!/usr/bin/env bash
set -euo pipefail
printf 'idside release\n' > idside.tar.gz
sha256sum idside.tar.gz > SHA256SUMS.txt
shasum -a 256 -c SHA256SUMS.txt
echo "✅ archive verified"
