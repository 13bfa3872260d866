#!/bin/bash
# list duplicated files
mkdir -p photos/2023 photos/2024
echo sunrise > photos/2023/a.jpg
echo sunrise > photos/2024/a-copy.jpg
echo harbour > photos/2024/b.jpg
echo harbour > photos/b.jpg
echo unique > photos/c.jpg
: > photos/empty1
: > photos/empty2

find . ! -empty -type f -exec md5sum {} + | sort | uniq -w32 -dD
