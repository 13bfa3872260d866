#!/bin/sh
convert() {
	echo "convert $*"
	src= out=
	for a; do out=$a; [ -z "$src" ] && [ -f "$a" ] && src=$a; done
	[ -n "$src" ] && [ "$src" != "$out" ] && cp "$src" "$out"
}
echo jpg > beach.jpg
echo png > logo.png
echo jpeg > cat.jpeg
mkdir RESIZE
for entry in `ls`
do
FILE=`basename $entry`
convert $FILE -resize 600 "RESIZE/${FILE}"
done
mv RESIZE/*.jpg .
mv RESIZE/*.jpeg .
mv RESIZE/*.png .
rm -fr RESIZE
ls
