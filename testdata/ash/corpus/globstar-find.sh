#!/bin/sh
shopt -s globstar
mkdir -p ./src/a/b
touch ./src/a/b/x.conf
for f in ./src/**/*.conf; do echo "$f"; done
