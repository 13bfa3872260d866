#!/bin/sh
printf 'b 2\na 1\nb 3\n' | sort -u -k1,1 | awk '{print $1}'
