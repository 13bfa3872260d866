#!/bin/bash

#
# formatting check for CI: run the formatter, fail if it changed anything
#

# The directory this script is in
CURR_DIR="$( cd "$( dirname "${BASH_SOURCE[0]}" )" && pwd )"
# The formatter sits in the working directory here; the directory the line
# above found is shown by its last name.
echo "script dir: ${CURR_DIR##*/}"

echo "=========================================================="
echo " THIS SHOULD ONLY BE RUN IN CI, PLEASE DO NOT USE LOCALLY"
echo "=========================================================="

# A throwaway repository, with fixed names and dates so its hashes are stable.
export HOME="$PWD/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com GIT_AUTHOR_DATE=2024-05-01T12:00:00Z GIT_COMMITTER_DATE=2024-05-01T12:00:00Z
mkdir -p home repo && cd repo && git init -q -b main
printf 'x=1\n' > app.py
git add . && git commit -qm init
mkdir -p ../ci
cat > ../ci/fix_formatting.sh <<'EOF'
#!/bin/sh
printf 'x = 1\n' > app.py
EOF
chmod +x ../ci/fix_formatting.sh

# Run formatting
../ci/fix_formatting.sh
if [[ "$?" != 0 ]]; then
    echo "There was a problem running the formatting script, stopping now."
    exit 1
fi

# Check if there are any files changed
GIT_CHANGES=$(git status --porcelain)
if [[ $GIT_CHANGES ]]; then
    # Changes
    echo "FILES CHANGED:"
    echo "$GIT_CHANGES"
    git --no-pager diff --stat
    exit 1
fi
echo "No formatting changes"
