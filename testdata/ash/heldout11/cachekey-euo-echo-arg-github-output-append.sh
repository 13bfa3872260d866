#!/usr/bin/env bash
# Pass the hash of all package-lock.json files on as the npm cache key.
# The workflow computes it with hashFiles(); this step checks and writes it.

set -euo pipefail

# The workflow's side: the lock files, their hash as the argument, and the
# step output file.
mkdir -p build remote
printf '{"lockfileVersion": 3}\n' > package-lock.json
printf '{"lockfileVersion": 3, "name": "build"}\n' > build/package-lock.json
GITHUB_OUTPUT=./github_output
set -- "$(cat package-lock.json build/package-lock.json | sha256sum | cut -d' ' -f1)"

# This must match the hashFiles() call in the workflow
PACKAGE_LOCKS_HASH=$(echo "$1")
echo "hash=$PACKAGE_LOCKS_HASH" >> "$GITHUB_OUTPUT"
echo "Generated package-locks hash: $PACKAGE_LOCKS_HASH"
cat "$GITHUB_OUTPUT"
