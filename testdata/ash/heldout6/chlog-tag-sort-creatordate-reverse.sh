#!/usr/bin/env bash
git() {
	case "$1" in
	tag) printf 'v2.1.0\nv2.0.0\nv1.9.0\n' ;;
	log) printf '%s\n%s\n%s' '* 1a2b3c4 Add the lint step' "* 5d6e7f8 Merge pull request #12 from dev/ci" '* 9a8b7c6 Fix the cache key' ;;
	esac
}
previous_tag=0
for current_tag in $(git tag --sort=-creatordate)
do

if [ "$previous_tag" != 0 ];then
    printf "## Changelog\n"
    git log ${current_tag}...${previous_tag} --pretty=format:'* %h %s' --reverse | grep -v Merge
    printf "\n"
    break
fi
previous_tag=${current_tag}
done
