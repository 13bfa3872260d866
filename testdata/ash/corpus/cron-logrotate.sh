#!/bin/sh
# Nightly: compress logs older than a day, delete compressed ones older than a week.
set -eu
logdir=./logs
mkdir -p "$logdir"
for n in 1 2 3; do
	printf 'line %s\n' "$n" > "$logdir/app.$n.log"
done
touch -d '2000-01-01 00:00:00' "$logdir/app.1.log"
find "$logdir" -name '*.log' -mtime +1 -exec gzip {} \;
ls "$logdir" | sort
find "$logdir" -name '*.gz' -mtime +7 | wc -l
