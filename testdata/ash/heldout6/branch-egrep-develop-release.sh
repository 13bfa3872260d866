#!/bin/bash
mkdir -p bin
cat > bin/git <<'G'
#!/bin/sh
case "$1 $2" in
"branch --merged") printf '  develop\n* main\n  release-to-develop\n  release/2.1\n  feature/search\n  bugfix-42\n' ;;
"branch -d") shift 2; for b; do echo "Deleted branch $b (was 1a2b3c4)."; done ;;
esac
G
chmod +x bin/git
PATH=$PWD/bin:$PATH

# Drop local branches that are merged, but keep the long-lived ones
git branch --merged | egrep -v '(^\*|^  develop$|^  release-to-develop$|^  release/)' | xargs git branch -d
