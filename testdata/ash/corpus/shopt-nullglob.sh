#!/bin/sh
shopt -s nullglob
for f in ./incoming/*.csv; do
	echo "processing $f"
done
echo finished
