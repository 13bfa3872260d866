#!/bin/sh
n=0
for x in a b c; do
	: $((n++))
done
echo "$n"
echo $(( n > 2 ? 1 : 0 ))
