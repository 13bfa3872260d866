#!/bin/sh
mkdir -p ./conf.d
touch ./conf.d/a.conf ./conf.d/b.conf ./conf.d/readme
for f in ./conf.d/*.conf; do
	[ -e "$f" ] || continue
	echo "$(basename "$f" .conf)"
done
dirname ./conf.d/a.conf
