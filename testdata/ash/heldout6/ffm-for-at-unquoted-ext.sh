#!/bin/bash
ffmpeg() { echo "ffmpeg $*"; }
mkdir -p raw
: > raw/intro.mov
: > raw/talk.part2.mkv
set -- raw/intro.mov raw/talk.part2.mkv
for f in $@
do
	echo "Converting file $f"
    filename=$(basename "$f")
	extension="${filename##*.}"
	filename="${filename%.*}"
	new_name="_${filename}.avi"
	ffmpeg -threads 2 -i "$f" -vcodec mpeg4 -acodec libmp3lame -ab 160 -ac 2 -ar 44100 "$new_name"
	echo "($extension to avi)"
done
