#!/bin/sh
mkdir -p ./cache/a ./cache/b
touch ./cache/a/new ./cache/b/new
touch -d '2001-01-01 00:00:00' ./cache/a/old
find ./cache -type f -mtime +30 | sort
find ./cache -type f -mtime +30 -delete
find ./cache -type f | wc -l
