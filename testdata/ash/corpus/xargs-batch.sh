#!/bin/sh
mkdir -p ./in
for n in 1 2 3 4; do echo "$n" > "./in/f$n"; done
find ./in -type f | sort | xargs -n 2 echo batch:
find ./in -type f -name 'f9*' | xargs -r rm -f
echo done
