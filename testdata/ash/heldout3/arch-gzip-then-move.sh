#!/bin/bash
LOG_DIR=./msg
ARCH_DIR=./msg/arch_dir
OLD_DAYS=1
mkdir -p $LOG_DIR $ARCH_DIR
echo a > $LOG_DIR/old.txt; echo b > $LOG_DIR/new.txt
touch -d '2020-01-01 00:00:00' $LOG_DIR/old.txt
echo "archiving log files in $LOG_DIR older than $OLD_DAYS"
find "$LOG_DIR" -type f -name "*.txt" -mtime +$OLD_DAYS ! -path "$ARCH_DIR/*" -exec gzip {} \;
find "$LOG_DIR" -type f -name "*.txt.gz" -mtime +$OLD_DAYS ! -path "$ARCH_DIR/*" -exec mv {} "$ARCH_DIR" \;
echo "archiving complete. files moved to: $ARCH_DIR"
ls $ARCH_DIR | wc -l
