#!/usr/bin/env bash
#MISE description="Generate checksums"

# Fixtures: the release artifacts.
mkdir -p release-artifacts
printf 'one\n' > release-artifacts/tool-linux
printf 'two\n' > release-artifacts/tool-macos

for arg in ./release-artifacts ./missing; do
set -- "$arg"
(
release_artifacts="$1"

if [[ ! -d "$release_artifacts" ]]; then
	echo "Usage: ${0##*/} <file>"
	echo "Example: ${0##*/} ./release-artifacts"
	exit 1
fi

shasum --algorithm 256 "$release_artifacts"/*
)
done
