#!/bin/bash

mkdir -p img
touch img/a.png img/b.TIF img/c.JPG "img/d e.JPG"
set -- img

# find $1 -name '*.png' -o -name '*.JPG' -exec sh -c '...' {} \;

find $1 -type f -name '*.png' -print0 | \
while read -d $'\0' f; do mv -v "$f" "${f/.png/.png}"; done

find $1 -type f -name '*.TIF' -print0 | \
while read -d $'\0' f; do mv -v "$f" "${f/.TIF/.tif}"; done

find $1 -type f -name '*.JPG' -print0 | \
while read -d $'\0' f; do mv -v "$f" "${f/.JPG/.jpg}"; done
ls img
