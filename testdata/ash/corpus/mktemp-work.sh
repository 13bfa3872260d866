#!/bin/sh
set -eu
dir=$(mktemp -d ./tmp.XXXXXX)
file=$(mktemp "$dir/part.XXXXXX")
echo payload > "$file"
cat "$file"
rm -rf "$dir"
[ ! -e "$dir" ] && echo removed
