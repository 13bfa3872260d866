#!/bin/bash
#
# Disk usage in the current directory
#
#  * sorted by size, largest at the bottom
#  * sizes in human units (k, M, G...)
#  * hidden files and directories included
#  * the total at the end
#

mkdir -p projects/old .cache
head -c 1536000 /dev/zero > projects/old/dump.sql
head -c 20480 /dev/zero > .cache/index
head -c 4096 /dev/zero > todo.txt

tmpfile=.duf$$

echo "Working out disk usage (may take some time)..."
du -sk -- * .??* 2>/dev/null | sort -n > $tmpfile

cat $tmpfile | while read size fname;
  do for unit in k M G T P E Z Y;
    do if [ $size -lt 1024 ];
        then echo -e "${size}${unit}\t${fname}";
        break;
    fi;
    size=$(($size/1024));
  done;
done | grep -v $tmpfile


echo -n "Total size: "
cat $tmpfile | awk '{SUM+=$1} END {print SUM "k"}'
rm -f $tmpfile
