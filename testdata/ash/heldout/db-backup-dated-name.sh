#!/bin/bash
dir=./backup
mkdir -p $dir
filename="$dir/app-$(date +%Y-%m-%d-%H-%M).bkp.gz"
echo "backing up app" >&2
echo "data" | gzip > $filename
find $dir -type f -mtime +7 -exec rm {} \;
ls $dir | grep -c bkp.gz
