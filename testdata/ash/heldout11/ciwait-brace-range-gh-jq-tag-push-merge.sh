#!/bin/bash
# A throwaway repository, with fixed names and dates so its hashes are
# stable, and a bare one standing for the remote.
export HOME="$PWD/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com GIT_AUTHOR_DATE=2024-05-01T12:00:00Z GIT_COMMITTER_DATE=2024-05-01T12:00:00Z
mkdir -p home && git init -q --bare remote.git && mkdir repo && cd repo && git init -q -b main && echo 1 > a && git add a && git commit -qm init && git remote add origin ../remote.git
# Stand-in: gh answers in progress once, then both runs green; the waits
# are shortened.
mkdir -p ../stand
cat > ../stand/gh <<'EOF'
#!/bin/sh
case "$1 $2" in
"run list")
  n=$(cat ../gh.count 2>/dev/null || echo 0); echo $((n + 1)) > ../gh.count
  if [ "$n" -lt 1 ]; then echo "in_progress/null completed/success"; else echo "completed/success completed/success"; fi ;;
"pr merge") echo "Merged pull request #106" ;;
esac
EOF
chmod +x ../stand/gh
PATH=$PWD/../stand:$PATH
sleep() { :; }
mkdir -p .cursor

for i in {1..10}; do
  statuses=$(gh run list --branch ci/106-final-green --limit 2 --json status,conclusion --jq 'map(.status + "/" + (.conclusion // "null")) | join(" ")')
  echo "Poll $i: $statuses"
  if [[ "$statuses" == "completed/success completed/success" ]]; then
    git tag v0.2-green-106
    git push -q origin v0.2-green-106
    gh pr merge --squash --delete-branch
    echo "CI green – Step 2 finished" > .cursor/g2ai_success.md
    git ls-remote --tags origin
    exit 0
  fi
  sleep 5
done
echo "CI failed after 10 polls: $statuses" > .cursor/g2ai_failure.md
exit 1 
