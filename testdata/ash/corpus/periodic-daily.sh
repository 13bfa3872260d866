#!/bin/sh
# /etc/periodic/daily/cleanup-tmp
find ./tmpdir -type f -mtime +3 -exec rm -f {} + 2>/dev/null
mkdir -p ./tmpdir
touch ./tmpdir/keep
ls ./tmpdir
