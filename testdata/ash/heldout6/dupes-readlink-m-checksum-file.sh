#!/bin/bash
#
# Duplicates from a checksum file
#
mkdir -p disk1/pics disk1/more
printf '%s  %s\n' 9a0364b9e99bb480dd25e1f0284c8555 pics/a.jpg \
	e4d909c290d0fb1ca068ffaddf22cbd0 pics/b.jpg \
	9a0364b9e99bb480dd25e1f0284c8555 more/a-copy.jpg \
	d41d8cd98f00b204e9800998ecf8427e more/empty > disk1/files.md5
set -- disk1/files.md5

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
  echo "Usage: $0 <checksum_file1> [checksum_file2]"
  exit 1
fi

checksum_ext="${1##*.}"
checksum_file1="$1"
checksum_file2="$2"
checksum_file1_abs=$(readlink -m "$1")
checksum_file2_abs=$(readlink -m "$2")
checksum_file1_dir=$(dirname "$checksum_file1_abs")
checksum_file2_dir=$(dirname "$checksum_file2_abs")

if [ ! -f "$checksum_file1" ]; then
  echo "Error: File 1 '$checksum_file1' not found."
  exit 1
fi

if [ ! -z "$checksum_file2" ]; then
  if [ ! -f "$checksum_file2" ]; then
    echo "Error: File 2 '$checksum_file2' not found."
    exit 1
  fi
fi

OD="./checksum-duplicate-report-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$OD"

echo "Checksum type: $checksum_ext"
[ -d "$checksum_file1_dir/pics" ] && echo "Base of file 1 found"
awk '{ n[$1]++; p[$1] = p[$1] " " $2 } END { for (h in n) if (n[h] > 1) print h ":" p[h] }' "$checksum_file1" > "$OD/duplicates.txt"
cat "$OD"/duplicates.txt
ls -d ./checksum-duplicate-report-* | wc -l
