#!/bin/sh
for i in {1..5}; do
	echo "shard $i"
done
