#!/bin/bash
git() { case "$1" in describe) echo "41";; *) echo "git $*";; esac; }
CURRENT_VERSION=$(eval "git describe --abbrev=0 --tags")
UPDATED_VERSION=$((CURRENT_VERSION+1))
VERSION=$UPDATED_VERSION
git tag ${VERSION}
git push --tags
echo "#################### NEW TAG ${UPDATED_VERSION} (was ${CURRENT_VERSION}) ####################"
