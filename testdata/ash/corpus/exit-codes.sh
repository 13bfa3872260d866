#!/bin/sh
check_port() {
	case $1 in
		''|*[!0-9]*) return 2 ;;
	esac
	[ "$1" -lt 65536 ]
}
for p in 80 70000 abc; do
	if check_port "$p"; then echo "$p ok"; else echo "$p bad ($?)"; fi
done
