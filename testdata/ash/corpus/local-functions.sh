#!/bin/sh
# Uses local, which BusyBox ash supports.
sum() {
	local total=0 n
	for n in "$@"; do
		total=$((total + n))
	done
	echo "$total"
}
max() {
	local best=$1
	shift
	for n in "$@"; do
		[ "$n" -gt "$best" ] && best=$n
	done
	echo "$best"
}
sum 1 2 3 4
max 3 9 2
