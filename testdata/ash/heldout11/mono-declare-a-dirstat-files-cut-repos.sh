#! /bin/bash

# -- diff.sh --
# report which parts of this monorepo have changes against DIFF_BRANCH
#
#   usage
#   $ ./diff.sh [dirname]
#
#   prints every changed part if no <dirname> is given;
#   exits 0 if <dirname> has been modified, else 1

# A throwaway repository, with fixed names and dates so its hashes are stable.
export HOME="$PWD/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com GIT_AUTHOR_DATE=2024-05-01T12:00:00Z GIT_COMMITTER_DATE=2024-05-01T12:00:00Z
mkdir -p home repo && cd repo && git init -q -b main
mkdir -p libs contracts identity-service
for d in libs contracts identity-service; do echo 1 > $d/a.txt; done
git add . && git commit -qm init
git update-ref refs/remotes/origin/master HEAD
echo 2 > libs/a.txt; echo 2 > identity-service/a.txt; echo 1 > README
git add . && git commit -qm work

DIFF_BRANCH="origin/master"
REPOS="
    libs
    contracts
    eth-contracts
    creator-node
    identity-service
"

declare -a diff_repos

for d in $(git diff $DIFF_BRANCH --dirstat=files)
do
    d=$(echo $d | cut -d/ -f1)
    if [ -d "$d" ] && echo "$REPOS" | grep -qw -- "$d"; then
        diff_repos+=("$d")
    fi
done

if [ -z "$1" ]; then
    echo "${diff_repos[@]}"
fi
set -- contracts
for r in "${diff_repos[@]}"; do
    [ "$r" = "$1" ] && exit 0
done
exit 1
