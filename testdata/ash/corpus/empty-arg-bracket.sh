#!/bin/sh
# Usage: $0 start|stop (run here without arguments)
if [[ $1 == start ]]; then
	echo starting
fi
echo done
