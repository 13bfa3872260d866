#!/bin/bash
set -e

# Fixtures: release archives with fixed contents.
mkdir -p release
printf "app v1 linux\n" > release/app-linux-amd64.tar.gz
printf "app v1 darwin\n" > release/app-darwin-arm64.tar.gz

find ./release -type f -name '*.tar.gz' -execdir sh -c 'sha256sum "$1" > "$1.sha256"' _ {} \;
cat release/*.sha256
