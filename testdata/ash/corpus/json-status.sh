#!/bin/sh
# Emit a JSON status document without jq.
name=shop
version=1.4.2
healthy=true
checks="db cache queue"
printf '{"name":"%s","version":"%s","healthy":%s,"checks":[' "$name" "$version" "$healthy"
first=1
for c in $checks; do
	[ $first -eq 1 ] || printf ','
	printf '"%s"' "$c"
	first=0
done
printf ']}\n'
