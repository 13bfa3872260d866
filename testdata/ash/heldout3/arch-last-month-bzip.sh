#!/bin/bash
LOGDIR="./logs"
mkdir -p $LOGDIR
MONTH="$2"
if [ -z "$LOGDIR" ]; then
    echo "Usage: $0 log_dir [month]"
    exit 1
fi
if [ -z "$MONTH" ]; then
    MONTH=$(date --date="last month" +%Y%m)
fi
touch $LOGDIR/${MONTH}01.log $LOGDIR/${MONTH}02.log
cd $LOGDIR
tar -cjf archived-$MONTH.tar.bz2 $MONTH*
rm $MONTH*
ls | sed "s/$MONTH/MONTH/"
