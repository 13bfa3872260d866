#!/bin/bash
# Stand-in: rsync prints what it would copy.
rsync() { echo "rsync $*"; }
DEFAULT_MIRROR_URL="rsync://repos.example.org/repo/"
# Mirrors the project's package repository into a local directory.

# Default mirror directory: the script's directory / repo

: ${MIRROR_DIR:=$(dirname ./mirror.sh)/repo}
: ${MIRROR_URL:=$DEFAULT_MIRROR_URL}

echo "Mirroring $MIRROR_URL to $MIRROR_DIR"

rsync -aPzr --delete $MIRROR_URL $MIRROR_DIR
