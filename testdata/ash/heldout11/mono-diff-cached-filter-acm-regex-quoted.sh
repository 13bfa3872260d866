#!/bin/bash
# Script to detect which packages in the monorepo were modified
# Usage: ./scripts/detect-changed-packages.sh [files]

set -e

# A throwaway repository, with fixed names and dates so its hashes are stable.
export HOME="$PWD/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com GIT_AUTHOR_DATE=2024-05-01T12:00:00Z GIT_COMMITTER_DATE=2024-05-01T12:00:00Z
mkdir -p home repo && cd repo && git init -q -b main
mkdir -p packages/api packages/web packages/shared
for p in api web shared; do echo 1 > packages/$p/index.ts; done
git add . && git commit -qm init
echo 2 > packages/api/index.ts; echo 2 > packages/shared/index.ts; echo 3 > packages/api/routes.ts
git add packages

# Get staged or modified files
if [ -n "$1" ]; then
  # If an argument is passed, use those files (useful for lint-staged)
  FILES="$1"
else
  # By default, use staged files
  FILES=$(git diff --cached --name-only --diff-filter=ACM)
fi

# If there are no files, exit
if [ -z "$FILES" ]; then
  exit 0
fi

# Detect modified packages
CHANGED_PACKAGES=""

for file in $FILES; do
  if [[ "$file" == packages/api/* ]]; then
    if [[ ! "$CHANGED_PACKAGES" =~ "api" ]]; then
      CHANGED_PACKAGES="${CHANGED_PACKAGES}api "
    fi
  elif [[ "$file" == packages/web/* ]]; then
    if [[ ! "$CHANGED_PACKAGES" =~ "web" ]]; then
      CHANGED_PACKAGES="${CHANGED_PACKAGES}web "
    fi
  elif [[ "$file" == packages/shared/* ]]; then
    if [[ ! "$CHANGED_PACKAGES" =~ "shared" ]]; then
      CHANGED_PACKAGES="${CHANGED_PACKAGES}shared "
    fi
  fi
done

echo "Changed packages: ${CHANGED_PACKAGES}"
