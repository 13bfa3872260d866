#!/bin/sh
if [ "${UID:-}" = 0 ]; then
	echo "running as root"
else
	echo "not root?"
fi
