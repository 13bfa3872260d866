# A throwaway repository, with fixed names and dates so its hashes are stable.
export HOME="$PWD/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com GIT_AUTHOR_DATE=2024-05-01T12:00:00Z GIT_COMMITTER_DATE=2024-05-01T12:00:00Z
mkdir -p home repo && cd repo && git init -q -b main
mkdir -p packages/shell packages/catalog ../stand
echo 1 > packages/shell/app.js; echo 1 > packages/catalog/app.js
git add . && git commit -qm init
echo 2 > packages/catalog/app.js && git commit -qam "catalog: new page"
printf '#!/bin/sh\necho "yarn $* (all 12 tests passed)"\n' > ../stand/yarn
chmod +x ../stand/yarn
PATH=$PWD/../stand:$PATH

for PROJECT in shell catalog; do
if git diff --name-only HEAD^...HEAD | grep "^packages/${PROJECT}"; then
  echo "Changes here, run the build"
  yarn test
else
  echo "No changes detected"
fi
done
