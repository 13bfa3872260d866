#!/bin/sh
for tool in sed awk nosuchtool; do
	if command -v "$tool" >/dev/null 2>&1; then
		echo "$tool: yes"
	else
		echo "$tool: no"
	fi
done
