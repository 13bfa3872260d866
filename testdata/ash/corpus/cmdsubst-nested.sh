#!/bin/sh
dir=$(dirname "$(dirname "/srv/app/releases/1")")
echo "$dir"
count=$(printf 'a\nb\n' | wc -l)
echo "$((count + 0)) lines"
echo "`echo backticks`"
