#!/bin/bash

# Usage:
#   ./rename_by_date.sh IMG
#   ./rename_by_date.sh "IMG|VID"   # several patterns as a regex OR

touch IMG_001.JPG img_002.jpg VID_003.mp4 holiday.png notes.txt
touch -t 202204051010 IMG_001.JPG
touch -t 202204061111 img_002.jpg
touch -t 202204071212 VID_003.mp4
set -- "IMG|VID"

# --- the pattern ---
pattern="$1"

if [ -z "$pattern" ]; then
  echo "Usage: $0 <pattern>"
  exit 1
fi

# match extensions whatever their case
shopt -s nocaseglob

# every candidate first
files=( *.{jpg,jpeg,png,mp4,mov} )

# keep those that match the pattern
filtered=()
for f in "${files[@]}"; do
  [[ -f "$f" && "$f" =~ $pattern ]] && filtered+=("$f")
done

if [ ${#filtered[@]} -eq 0 ]; then
  echo "No files found matching pattern: $pattern"
  exit 0
fi

# Rename each by its modification date
for f in "${filtered[@]}"; do
  d=$(date -r "$f" +%Y-%m-%d)
  mv -- "$f" "${d}_$f"
  echo "$f -> ${d}_$f"
done
