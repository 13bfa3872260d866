#!/bin/sh
if timeout 5 sh -c 'echo quick'; then
	echo "finished in time"
fi
timeout 1 sleep 3
echo "status $?"
