#!/bin/sh
# Wait until a marker file appears (stands in for a TCP port).
host=db
timeout_s=3
i=0
until [ -e "./$host.up" ]; do
	i=$((i + 1))
	if [ "$i" -ge "$timeout_s" ]; then
		echo "$host not up after ${timeout_s}s" >&2
		exit 1
	fi
	[ "$i" -eq 2 ] && touch "./$host.up"
	sleep 0
done
echo "$host is up"
