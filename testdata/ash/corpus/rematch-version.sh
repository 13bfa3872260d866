#!/bin/sh
version_string="app version 2.14.1"
if [[ $version_string =~ ([0-9]+)\.([0-9]+) ]]; then
	echo "major ${BASH_REMATCH[1]}"
fi
