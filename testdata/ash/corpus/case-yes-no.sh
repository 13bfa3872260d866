#!/bin/sh
confirm() {
	case "$1" in
		[Yy]|[Yy][Ee][Ss]) return 0 ;;
		*) return 1 ;;
	esac
}
for a in y YES no ""; do
	confirm "$a" && echo "'$a' yes" || echo "'$a' no"
done
