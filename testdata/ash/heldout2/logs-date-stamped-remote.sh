#!/bin/bash
mkdir -p remote/host1
echo a > remote/host1/old-2020-01-01.log
echo b > remote/recent.log
echo c > remote/older.log
echo d > remote/ancient.log
touch -d '2020-01-01 00:00:00' remote/host1/old-2020-01-01.log remote/ancient.log
touch -d "$(date -d @$(( $(date +%s) - 3*86400 )) '+%Y-%m-%d %H:%M:%S')" remote/older.log
find ./remote/* -mtime +7 -delete;
find ./remote/* -maxdepth 1 -type f -name "*.log" -mtime +1 -exec gzip -9 {} \;
find ./remote | sort
