#!/bin/sh
# Remove old build directories, keep the newest two.
mkdir -p ./builds
for n in 1 2 3 4; do mkdir -p "./builds/build-$n"; touch -d "2024-01-0$n 00:00:00" "./builds/build-$n"; done
ls -1t ./builds | tail -n +3 | while read -r old; do
	rm -rf "./builds/$old"
	echo "removed $old"
done
ls ./builds
