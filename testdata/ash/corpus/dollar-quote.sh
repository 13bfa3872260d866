#!/bin/sh
IFS=$'\n'
set -f
list=$'alpha\nbeta gamma\ndelta'
for item in $list; do
	printf '[%s]\n' "$item"
done
tab=$'\t'
printf 'a%sb\n' "$tab"
