#!/bin/sh
free=512
if [ "$free" -lt 1024 ] && [ "$free" -gt 0 ]; then
	echo "low: ${free}M"
fi
[ "$free" -ge 512 ] || exit 1
echo ok
