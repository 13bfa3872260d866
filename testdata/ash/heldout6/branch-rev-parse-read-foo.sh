#!/bin/bash
git() {
	case "$1" in
	rev-parse) echo feature-x ;;
	checkout) echo "Switched to branch '$2'" ;;
	pull) echo "Already up to date." ;;
	branch)
		if [ "$2" = --merged ]; then
			printf '  feature-a\n  hotfix-1\n* master\n'
		else
			shift
			for b; do
				case $b in
				-d) ;;
				*) echo "Deleted branch $b." ;;
				esac
			done
		fi ;;
	esac
}

branch="$(git rev-parse --abbrev-ref HEAD)"

if ! [ "$branch" = "master" ]; then
  git checkout master
fi

git pull

echo ""
echo "Going to delete:"
git branch --merged | grep -v master
read foo <<'EOF'

EOF

git branch -d `git branch --merged | grep -v master` 2>/dev/null
