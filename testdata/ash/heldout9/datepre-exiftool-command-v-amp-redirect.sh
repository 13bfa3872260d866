#!/usr/bin/env bash

# Puts the first date found in each image's metadata in front of its name:
# optimising an image loses that metadata, the name keeps it.

# exiftool is a stand-in on PATH that answers with fixed dates
mkdir -p bin
cat > bin/exiftool <<'SH'
#!/bin/sh
last=
for a in "$@"; do last=$a; done
case "$last" in
  *holiday*) echo "2020:07:06 09:29:40" ;;
  *) echo "" ;;
esac
SH
chmod +x bin/exiftool
PATH="$PWD/bin:$PATH"

mkdir -p shots
touch "shots/holiday Beach.JPG" "shots/Scan 2.PNG"
touch -t 202101020304.05 "shots/Scan 2.PNG"

COLOR_RED="\033[1;31m"
COLOR_GREEN="\033[1;32m"
COLOR_YELLOW="\033[1;33m"
COLOR_RESET="\033[0m"
set -- shots
TARGET=$1

# Comment out the next line to keep names as they are
NORMALIZE_FILENAMES=1

# Is exiftool there?
if ! command -v "exiftool" &> /dev/null
then
    echo -e "${COLOR_RED}exiftool is not installed on your system!"
    tput sgr0
    exit
fi

if [ "$#" != 1 ]; then
    echo -e "${COLOR_YELLOW}Usage: $0 [directory]${COLOR_RESET}"
    exit 1
fi

for file in "$TARGET"/*; do
    [ -f "$file" ] || continue
    name=$(basename "$file")
    stamp=$(exiftool -s -s -s -DateTimeOriginal "$file")
    [ -z "$stamp" ] && stamp=$(exiftool -s -s -s -CreateDate "$file")
    if [ -z "$stamp" ]; then
        stamp=$(date -r "$file" "+%Y:%m:%d %H:%M:%S")
    fi
    prefix=$(echo "$stamp" | sed -e 's/://g' -e 's/ /-/')
    if [ "$NORMALIZE_FILENAMES" = 1 ]; then
        ext="${name##*.}"
        base="${name%.*}"
        name="$(echo "$base" | tr ' ' '_' | tr '[:upper:]' '[:lower:]').$(echo "$ext" | tr '[:upper:]' '[:lower:]')"
    fi
    mv "$file" "$TARGET/${prefix}___${name}"
    echo -e "${COLOR_GREEN}${file} -> ${prefix}___${name}${COLOR_RESET}"
done
