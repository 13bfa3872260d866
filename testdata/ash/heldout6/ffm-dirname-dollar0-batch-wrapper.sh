#!/bin/sh

## ================
## SETUP
##
## Needs ffmpeg. Keep the ffmpeg scripts next to each other, executable:
## - ffmpeg_convert_directory_batch.sh
## - ffmpeg_convert_file.sh
##
mkdir -p tools
cat > tools/ffmpeg_convert_directory_batch.sh <<'B'
#!/bin/sh
case "$1" in
--help) echo "usage: ffmpeg_convert_directory_batch.sh [--dry-run] -d DIR" ;;
*) echo "batch: $*" ;;
esac
B
chmod +x tools/ffmpeg_convert_directory_batch.sh
# the batch script sits beside this one (here: in tools/)
self=tools/prepare.sh

# find batch script (beside this file)
ffmpeg_convert_directory_batch="$(dirname "$self")/ffmpeg_convert_directory_batch.sh"


## ================
## PREP COMMANDS

## Step 1 - Start with:
"${ffmpeg_convert_directory_batch}" --help

## Step 2 - Then try the folder structure with a dry run
"${ffmpeg_convert_directory_batch}" --dry-run -d "recordings/2024-02-26/"

## Step 3 - Then convert for real
"${ffmpeg_convert_directory_batch}" -d "recordings/2024-02-26/"
