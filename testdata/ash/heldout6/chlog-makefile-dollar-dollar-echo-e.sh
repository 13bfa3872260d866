#!/bin/bash
git() {
	case "$1" in
	tag) printf 'v1.2.0\nv1.1.0\nv1.0.0\n' ;;
	log) for a; do last=$a; done; echo "* Release notes for $last (abc1234)" ;;
	esac
}

echo "# Changelog" > CHANGELOG.md
git tag --sort=-version:refname | while read -r TAG; do \
    echo -e "\n## $$TAG\n" >> CHANGELOG.md; \
    if [ "$$PREVIOUS_TAG" != "" ]; then \
    git log --no-merges --format="* %s (%h)" $$TAG..$$PREVIOUS_TAG >> CHANGELOG.md; \
    else \
    git log --no-merges --format="* %s (%h)" $$TAG >> CHANGELOG.md; \
    fi; \
    PREVIOUS_TAG=$$TAG; \
done
# the process number that $$ gives differs from run to run
sed -E 's/[0-9]+(TAG|PREVIOUS_TAG)/<pid>\1/g' CHANGELOG.md
