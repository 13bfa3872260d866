#!/bin/bash


#	Looks for duplicate files by checksum. Each duplicate is shown with its
#	CRC and then the paths. Give a path to search, or the current folder is searched.

mkdir -p share/x share/y
echo "same content" > share/x/one.txt
echo "same content" > share/y/one-again.txt
echo "other content" > share/y/two.txt
echo "lonely" > share/three.txt
set -- share

#	split on new lines only
IFS=$'\n'


#	every file with its complete cksum line, path included
echo "Searching for files . . ."
ARRAY_ALL_FILES=(`/usr/bin/find "${1:-.}" \! -type d -exec /usr/bin/cksum {} \; 2> /dev/null`)
if $DEBUG; then echo "TOTAL FILES: ${#ARRAY_ALL_FILES[@]}"; fi


#	the checksum and size of each, for comparison
ARRAY_CRC=()
for LINE in "${ARRAY_ALL_FILES[@]}"; do
	ARRAY_CRC+=("${LINE%% *}")
done

echo "Comparing checksums . . ."
for (( i=0; i<${#ARRAY_ALL_FILES[@]}; i++ )); do
	COUNT=0
	for CRC in "${ARRAY_CRC[@]}"; do
		[[ "$CRC" == "${ARRAY_CRC[$i]}" ]] && (( COUNT++ ))
	done
	if (( COUNT > 1 )); then
		echo "${ARRAY_ALL_FILES[$i]##* }"
	fi
done | sort
