#!/bin/env sh
# awk reads standard input when its file name is empty; here that is /dev/null
exec </dev/null
set -- music
mkdir -p music/a music/b
echo track1 > music/a/one.mp3
echo track1 > music/b/one.mp3
echo track2 > music/a/two.mp3
echo track3 > music/b/three.mp3

temp_list=./file_hashes_with_size.txt
sort_list=./sorted_files.txt
dupe_list=./duplicate_files.txt

#list of files, md5sum path 
find $1 -type f | xargs -P 8 -I {} md5sum "{}" >> $temp_list

# sort the list
sort $temp_list >> $sort_list
 
# find duped entries
awk '{if (seen[$1]++) print $2}' $sorted_list >> $dupe_list

echo "done"
cat $sort_list
wc -l < $dupe_list
