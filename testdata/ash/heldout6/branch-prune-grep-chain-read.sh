#!/bin/bash
mkdir -p bin
cat > bin/git <<'G'
#!/bin/sh
case "$1 $2" in
"branch --merged") printf '* develop\n  master\n  trunk\n  topic/cache\n  topic/retry\n' ;;
"branch -d") shift 2; for b; do echo "Deleted branch $b (was 9f8e7d6)."; done ;;
esac
G
chmod +x bin/git
PATH=$PWD/bin:$PATH

merged=$(git branch --merged | grep -v "\*" | grep -v "master" | grep -v "develop" | grep -v "trunk")

if [ -z "$merged" ]; then
  echo "No branches to prune."
  exit 0
fi

echo "The following branches will be deleted from your local git repository:"
echo "$merged"
echo "Press enter to continue or ctrl+c to cancel."
read <<'EOF'

EOF

echo "$merged" | xargs git branch -d
