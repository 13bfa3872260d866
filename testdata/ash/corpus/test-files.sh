#!/bin/sh
touch ./exists
mkdir -p ./dir
for p in ./exists ./dir ./missing; do
	if [ -d "$p" ]; then echo "$p dir"
	elif [ -f "$p" ]; then echo "$p file"
	else echo "$p none"
	fi
done
[ -s ./exists ] || echo "empty file"
