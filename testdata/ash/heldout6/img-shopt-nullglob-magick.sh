#!/bin/bash
shopt -s nullglob
## Keep the / at the end of the input path
## $1 is the source folder, $2 the destination, $3 the new size (imagemagick's form).
magick() { echo "magick $*"; for a; do last=$a; done; : > "$last"; }
mkdir -p barcodes
: > barcodes/code1.png
: > barcodes/code2.png
set -- barcodes/ small/ 256x256

mkdir -p "$2"
for f in "$1"*.png "$1"*.jpg; do
  name=$(basename "$f")
  magick convert "$f" -resize "$3" "$2""$name"
done
ls "$2"
