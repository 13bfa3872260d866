#!/bin/bash
set -e
ffmpeg() { echo "ffmpeg $*"; }
mkdir -p assets/videos
: > assets/videos/boot.mp4
: > assets/videos/intro.mp4
# the source changes to its own directory; here that is the fixture's
cd "$(dirname "assets/videos/convert-videos.sh")"

echo "converting videos to mpeg4"
mkdir -p out/

for f in *.mp4; do
  ffmpeg -y -i "$f" -vf scale=2160:1080 -r 30 -c:v h264 -strict -2 "out/$f"
done;

echo "Success!"
