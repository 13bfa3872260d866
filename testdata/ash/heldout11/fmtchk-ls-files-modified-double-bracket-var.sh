#!/bin/bash
# A throwaway repository, with fixed names and dates so its hashes are stable.
export HOME="$PWD/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com GIT_AUTHOR_DATE=2024-05-01T12:00:00Z GIT_COMMITTER_DATE=2024-05-01T12:00:00Z
mkdir -p home repo && cd repo && git init -q -b main
printf 'int main(){return 0;}\n' > main.c
printf 'int f(void);\n' > f.h
git add . && git commit -qm init
# The formatter already ran: it changed one file.
printf 'int main() { return 0; }\n' > main.c

dirty=$(git ls-files --modified)

set +x
if [[ $dirty ]]; then
	echo "================================="
    echo "Files were not formatted properly"
    echo "$dirty"
    echo "================================="
    exit 1
fi
