#!/bin/bash
sudo() { "$@"; }
LOGDIR=./log
GZIPDAY=1
DELDAY=2
mkdir -p $LOGDIR
for f in app.log.1 web.log.2 old.log.3.gz; do echo data > $LOGDIR/$f; done
touch -d '2020-01-01 00:00:00' $LOGDIR/*
touch $LOGDIR/web.log.2
cd $LOGDIR
echo "cd $LOGDIR"
sudo find . -type f -name '*log.?' -mtime +$GZIPDAY -exec bash -c "gzip {}" \; 2> /dev/null
sudo find . -type f -name '*gz' -mtime +$DELDAY -exec bash -c "rm -f"\; 2> /dev/null
ls | sort
