#!/bin/sh
# Remove remote branches that are already merged (git stands in as a script on PATH).
mkdir -p bin
cat > bin/git <<'G'
#!/bin/sh
case "$1 $2" in
"branch -r") printf '  origin/HEAD -> origin/master\n  origin/feature-login\n  origin/master\n  origin/fix-typo\n' ;;
"push origin") shift 3; for b; do echo " - [deleted]         $b"; done ;;
*) echo "git $*" ;;
esac
G
chmod +x bin/git
PATH=$PWD/bin:$PATH

git branch -r --merged |
  grep origin |
  grep -v '>' |
  grep -v master |
  xargs -L1 |
  awk '{split($0,a,"/"); print a[2]}' |
  xargs git push origin --delete
