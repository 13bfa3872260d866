#!/usr/bin/env bash
set -e
cd "$(dirname "$0")"
DEST="./opt-web"
mkdir -p "$DEST" src
echo v1 > src/VERSION
cp -r src/. "$DEST/"
echo "Deploying version $(cat $DEST/VERSION)"
