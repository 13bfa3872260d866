#!/bin/sh
lock=./job.lock
if ! mkdir "$lock" 2>/dev/null; then
	echo "already running"
	exit 0
fi
trap 'rmdir "$lock"' EXIT
echo "working"
