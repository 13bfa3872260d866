#/bin/sh

#Put this in /bin/treesize and make it executable; then anyone can list the
#sizes of the directories where they stand by running treesize.

mkdir -p src/lib docs big
head -c 40960 /dev/zero > src/lib/x.o
head -c 2097152 /dev/zero > big/blob
head -c 8192 /dev/zero > docs/readme

du -k --max-depth=1 | sort -nr | awk '
BEGIN {
split("KB,MB,GB,TB", Units, ",");
}
{
u = 1;
while ($1 >= 1024) {
$1 = $1 / 1024;
u += 1
}
$1 = sprintf("%.1f %s", $1, Units[u]);
print $0;
}
'
