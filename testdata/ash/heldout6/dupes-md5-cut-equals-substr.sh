#!/bin/sh
# md5 as BSD prints it: MD5 (path) = hash
mkdir -p bin
cat > bin/md5 <<'M'
#!/bin/sh
h=$(md5sum < "$1" | cut -d' ' -f1)
echo "MD5 ($1) = $h"
M
chmod +x bin/md5
PATH=$PWD/bin:$PATH
mkdir -p data
echo alpha > data/a.txt
echo alpha > data/a2.txt
echo beta > data/b.txt
echo gamma > data/c.txt

BASEDIR="./data"
HASHFILE="/tmp/hashfile$$"

# find's order differs between file systems: the list is sorted
find $BASEDIR -type f -exec md5 \{\} \; | sort > $HASHFILE

for HASH in `cut -d= -f2 $HASHFILE | sort | uniq -c | tr -s ' ' | egrep -v "^ 1 " | cut -d' ' -f3`; do
    #echo "Duplicate hash $HASH found"
    grep $HASH $HASHFILE | tail -n 1 | xargs | awk '{print substr($0,6,length($0)-41)}'
	#sed 's/MD5 (//;s/)[^)]*$//' 
done

rm -f $HASHFILE
