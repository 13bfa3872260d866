#!/bin/sh
mkdir -p ./a/b/c
rmdir ./a/b/c ./a/b
[ -d ./a ] && echo "a kept"
