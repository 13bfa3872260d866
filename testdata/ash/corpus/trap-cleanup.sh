#!/bin/sh
set -eu
tmp=$(mktemp -d ./work.XXXXXX)
cleanup() { rm -rf "$tmp"; echo "cleaned"; }
trap cleanup EXIT INT TERM
echo data > "$tmp/file"
wc -c < "$tmp/file"
