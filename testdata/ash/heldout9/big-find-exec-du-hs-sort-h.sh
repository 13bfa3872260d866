#!/bin/sh
## Usage: find_large_files START_DIR [LIMIT]
## Lists the LIMIT largest files below START_DIR.

# fixtures: whole 4 KiB blocks, so that du reads the same everywhere
mkdir -p data/a data/b
head -c 8192 /dev/zero > data/a/small.bin
head -c 409600 /dev/zero > data/a/medium.bin
head -c 2097152 /dev/zero > data/b/large.bin
head -c 40960 /dev/zero > data/b/tiny.log
set -- data 3

SCRIPT_NAME=$(basename find_large_files.sh)
START_DIR=$1
LIMIT=$2
DEFAULT_LIMIT=10

if [ ! $START_DIR ]; then
	echo "Usage: $SCRIPT_NAME START_DIR [LIMIT]"
	exit 1
fi

if [ ! $LIMIT ]; then
	LIMIT=$DEFAULT_LIMIT
fi

find $START_DIR -type f -exec du -hs {} \;  2>/dev/null | sort -h | tail -n $LIMIT
