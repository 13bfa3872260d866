#!/bin/bash

# Stand-ins: the time of day is fixed; the rdb file is a fixture.
date() { echo 20240105120000; }
mkdir -p var/lib/redis
echo 'REDIS0009' > var/lib/redis/dump.rdb

DATE=$(date +"%Y%m%d%H%M%S")
REDIS_BACKUP_DIR="home/yourusername/redis_backups" # Replace with your username

mkdir -p "$REDIS_BACKUP_DIR"
cp var/lib/redis/dump.rdb "$REDIS_BACKUP_DIR/dump_$DATE.rdb"

echo "Redis backup completed: $REDIS_BACKUP_DIR/dump_$DATE.rdb"
