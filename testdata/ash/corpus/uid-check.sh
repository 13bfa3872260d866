#!/bin/sh
if [ "$EUID" -ne 0 ]; then
	echo "must run as root" >&2
	exit 1
fi
echo "root ok"
