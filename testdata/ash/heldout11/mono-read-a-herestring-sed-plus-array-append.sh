# A throwaway repository, with fixed names and dates so its hashes are stable.
export HOME="$PWD/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com GIT_AUTHOR_DATE=2024-05-01T12:00:00Z GIT_COMMITTER_DATE=2024-05-01T12:00:00Z
mkdir -p home repo && cd repo && git init -q -b main
printf 'packages:\n  - "api"\n  - "web"\n  - "docs"\n' > pnpm-workspace.yaml
mkdir -p api/src web/src docs/src
for p in api web docs; do echo 1 > $p/src/index.ts; done
git add . && git commit -qm init
echo 2 > api/src/index.ts; echo 2 > docs/src/index.ts
git add api docs
set -- src

has_changes() {
  if ! git diff-index --quiet --cached HEAD $1; then
    return 0;
  else
    return 1;
  fi
}

IFS="|" read -r -a packages <<< $(
  cat pnpm-workspace.yaml |
    tr -d "\n" |
    sed "s/.*packages:\(\(\s*- \"\([a-z-]\+\)\"\)*\).*/\1/" |
    sed "s/^[^\"]*\(\".*\)/\1/" |
    sed "s/\(.*\"\)[^\"]*\$/\1/" |
    sed "s/\s*- /|/g" |
    tr -d "\""
)

has_changes=()
for package in "${packages[@]}"; do
  if $(has_changes "$package/$1"); then
    has_changes+=($package)
  fi
done

IFS="|"
echo -n "${has_changes[*]}"
unset IFS
echo
