#!/bin/bash
LOG_DIR=./logs
KEEP=3
mkdir -p $LOG_DIR
for i in 1 2 3 4 5; do echo "line $i" > $LOG_DIR/app.log.$i; done
for f in $LOG_DIR/app.log.[0-9]; do gzip -f "$f"; done
ls -1 $LOG_DIR/*.gz | sort -t. -k3 -n | head -n -$KEEP | xargs -r rm -f
ls $LOG_DIR | wc -l
