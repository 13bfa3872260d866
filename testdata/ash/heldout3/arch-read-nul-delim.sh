#!/bin/bash
# moves old files into a dated archive subdirectory (weekly from cron)
mkdir -p work
cd work
echo a > old1.txt; echo b > "old two.txt"; echo c > new.txt
touch -d '2020-01-01 00:00:00' old1.txt "old two.txt"
ARCHIVENR=`date +%Y%m%d`
DESTDIR="$PWD/archive-$ARCHIVENR"
mkdir "$DESTDIR"
find "$PWD" -maxdepth 1 -type f -a -mtime +5 | while read -d $'\000' file
do
gzip "$file"; mv "$file".gz "$DESTDIR"
echo "$file archived" | sed 's,.*/,,'
done
ls "$DESTDIR" | wc -l
