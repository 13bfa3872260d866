#!/bin/sh
mkdir -p tmp
touch "tmp/a b" tmp/c
find tmp -type f -print0 | xargs -0 rm -f
ls tmp | wc -l
