#!/bin/sh
for i in $(seq 1 3); do
	echo "worker $i"
done
seq -w 8 10
