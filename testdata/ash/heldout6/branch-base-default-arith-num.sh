#!/bin/bash
#
# Delete the branches that are merged into a base branch.
#
# $1 = base (master when not given)
mkdir -p bin
cat > bin/git <<'G'
#!/bin/sh
case "$1 $2" in
"symbolic-ref --short") echo main ;;
"branch --merged") printf '* main\n  docs-typos\n  feat/export\n  main-old\n' ;;
"branch -d") shift 2; for b; do echo "Deleted branch $b (was c0ffee1)."; done ;;
esac
G
chmod +x bin/git
PATH=$PWD/bin:$PATH
set -- main

set -e  # stop at the first failure


current=$(git symbolic-ref --short HEAD)
base=${1-master}

merged_branches=$(git branch --merged "$base" | egrep -v "(^\* | $base\$)")
num=$(echo "$merged_branches" | wc -l)
if (( $num > 0 )); then
  echo
  echo "Deleting branches merged into $base (on $current)..."
  echo "$merged_branches" | xargs -t git branch -d 2>&1 | sed 's/^git /> git /'
fi
