#!/bin/sh
printf '%-10s %5s\n' NAME SIZE
for entry in "alpha:10" "beta:200" "gamma:3000"; do
	name=${entry%%:*}
	size=${entry#*:}
	printf '%-10s %5d\n' "$name" "$size"
done
