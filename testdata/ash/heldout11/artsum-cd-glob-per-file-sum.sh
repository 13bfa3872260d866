#!/bin/bash
set -e

# Fixtures: release archives with fixed contents.
mkdir -p release
printf "app v1 linux\n" > release/app-linux-amd64.tar.gz
printf "app v1 darwin\n" > release/app-darwin-arm64.tar.gz

cd ./release

for f in *.tar.gz; do
  sha256sum "$f" > "$f.sha256"
done
cat *.sha256
