# A throwaway repository, with fixed names and dates so its hashes are stable.
export HOME="$PWD/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com GIT_AUTHOR_DATE=2024-05-01T12:00:00Z GIT_COMMITTER_DATE=2024-05-01T12:00:00Z
mkdir -p home repo && cd repo && git init -q -b main
mkdir -p packages/a packages/b
echo a > packages/a/index.js; echo b > packages/b/index.js
git add . && git commit -qm init
git update-ref refs/remotes/origin/main HEAD
echo a2 > packages/a/index.js && git commit -qam "change a"

for round in 1 2; do
if git diff --exit-code --quiet origin/main...HEAD --name-only --relative=packages/b
then
  echo "no changes"
else
  echo "has changes"
fi
echo b$round > packages/b/index.js && git commit -qam "change b"
done
