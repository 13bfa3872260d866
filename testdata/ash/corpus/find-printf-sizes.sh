#!/bin/sh
mkdir -p ./d
printf 'abc' > ./d/f
find ./d -type f -printf '%s %p\n'
