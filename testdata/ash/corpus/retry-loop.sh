#!/bin/sh
attempt=0
max=3
until [ -f ./ready ]; do
	attempt=$((attempt + 1))
	echo "attempt $attempt"
	[ $attempt -eq 2 ] && touch ./ready
	[ $attempt -ge $max ] && break
	sleep 0
done
[ -f ./ready ] && echo ready
