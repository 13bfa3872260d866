#!/bin/sh
mkdir -p "./my dir"
touch "./my dir/file one"
for f in "./my dir"/*; do
	echo "found: $f"
done
set -- "./my dir"/*
echo "$# file(s)"
