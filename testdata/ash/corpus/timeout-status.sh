#!/bin/sh
timeout 1 sleep 2
if [ $? -eq 124 ]; then
	echo "timed out"
else
	echo "other failure"
fi
