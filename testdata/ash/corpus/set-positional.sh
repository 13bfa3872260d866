#!/bin/sh
set -- alpha beta gamma
echo "$# args, first $1"
shift
for a in "$@"; do echo "- $a"; done
set -- $(echo "one two three")
echo "$2"
