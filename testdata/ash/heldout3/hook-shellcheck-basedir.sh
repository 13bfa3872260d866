#!/bin/bash
# Runs shellcheck on shell files: the staged ones, or all below basedir
git() { printf 'a.sh\nREADME.md\nlib/b.sh\n'; }
shellcheck() { for f; do echo "checked $f"; done; }
mkdir -p src/lib; touch src/c.sh src/lib/d.sh
check() {
if [[ -z "$1" ]];then
  git_diff="git diff --cached --name-only --diff-filter=ACM"
  files=$($git_diff | grep '\.sh$')
else
  files=$(find "$1" -name '*.sh' | sort)
fi
for f in $files; do shellcheck "$f"; done
}
check
check ./src
