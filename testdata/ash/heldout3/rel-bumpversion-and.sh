#!/bin/bash
git() { echo "git $*"; }
bump() {
[ -z "$1" ] && echo "Version Semver not supplied !!" && return 1
git add . && git commit -m "bump version $1" && \
git tag -a "$1" -m "Version $2" && \
git push && git push --tags
}
bump || echo "rc=$?"
bump 1.4.0 "1.4.0 (spring)"
