#!/bin/sh

## ================
## ffmpeg_convert_directory_batch.sh
## 
## Converts a folder of Pi camera recordings from .h264 to .mp4
##
## For one batch from the command line:
## >    ffmpeg_convert_directory_batch.sh --dry-run -d /path/to/video/folder/YYYY-MM-DD/
ffmpeg() { echo "ffmpeg $*"; }
mkdir -p rec/2024-02-26
: > rec/2024-02-26/video001.h264
: > rec/2024-02-26/video002.h264
set -- --dry-run --verbose -d rec/2024-02-26/ --fpsi 15


## ================
## DATA / FLAGS

# default values
dryrun_mode=false
verbose_mode=false
directory=""
video_input_framerate=25
video_output_framerate=25

while [ $# -gt 0 ]; do
	case "$1" in
		--dry-run) dryrun_mode=true ;;
		-v|--verbose) verbose_mode=true ;;
		-d|--directory) directory="$2"; shift ;;
		--fpsi) video_input_framerate="$2"; shift ;;
		--fpso) video_output_framerate="$2"; shift ;;
		*) echo "unknown option: $1" >&2; exit 1 ;;
	esac
	shift
done

if [ -z "$directory" ]; then
	echo "no directory given" >&2
	exit 1
fi

for f in "${directory%/}"/*.h264; do
	out="${f%.h264}.mp4"
	if $verbose_mode; then
		echo "input $f at ${video_input_framerate} fps, output at ${video_output_framerate} fps"
	fi
	if $dryrun_mode; then
		echo "would run: ffmpeg -framerate $video_input_framerate -i $f -r $video_output_framerate $out"
	else
		ffmpeg -framerate "$video_input_framerate" -i "$f" -r "$video_output_framerate" "$out"
	fi
done
