#! /bin/sh
#
# batch_resize.sh
#
convert() { echo "convert $*"; }
mkdir -p frames
: > frames/f001.jpg
: > frames/f002.png
: > frames/readme.txt
set -- frames

for f in "$1"/*.{jpg,png}; do
  [ -f "$f" ] || continue
  base=$(basename "$f")
  convert -resize 1280x720 "$f" "$1/${base%.*}.${base##*.}"
done
