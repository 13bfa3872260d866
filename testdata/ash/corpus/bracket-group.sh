#!/bin/sh
mode=prod
debug=0
if [[ ( $mode == prod ) && $debug -eq 0 ]]; then
	echo "production mode"
fi
