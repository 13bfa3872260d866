#!/bin/sh
count=0
for f in a b c; do
	((count++))
done
echo "$count files"
