#!/bin/sh
mkdir -p tools
cat > tools/ffmpeg_convert_video.sh <<'B'
#!/bin/sh
for a; do printf '[%s] ' "$a"; done
echo
B
chmod +x tools/ffmpeg_convert_video.sh
self=tools/batch.sh

## find the convert script (beside this file)
ffmpeg_convert_video="$(dirname "$self")/ffmpeg_convert_video.sh"

## convert every .h264 inside a folder
## the frame rate is 25 unless --fpsi and --fpso say otherwise
"${ffmpeg_convert_video}" \
	--dry-run \
	--fpsi 15 --fpso 15 \
	-m "/path/to/video/folder/2024-02-26/"

## force a new encoding of one file
"${ffmpeg_convert_video}" \
	--dry-run \
	--overwrite \
	--fpsi 15 --fpso 15 \
	-m "/path/to/video/folder/2024-02-26/video.h264"
