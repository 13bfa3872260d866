#!/bin/bash
LOG_DIR="./log"
mkdir -p $LOG_DIR
touch -d '2000-01-01' $LOG_DIR/old.log
touch $LOG_DIR/new.log
find $LOG_DIR -type f -name "*.log" -mtime +7 -exec rm -f {} \;
echo "Old log files removed from $LOG_DIR: $(ls $LOG_DIR)"
