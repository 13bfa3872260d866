#!/bin/bash
MONTHS=10;
SRC_DIR="./recordings";
DST_DIR="./BAK";
mkdir -p $SRC_DIR $DST_DIR
echo rec > $SRC_DIR/call1.wav
# one pass of the nightly loop
TIME=$(date +"%H:%M");
if [ "$TIME" == "99:99" ];then
  echo "not reached"
fi
cd $DST_DIR/;
DIR=$(date +%Y-%m-%d);
mkdir $DIR;
chmod +x $DIR;
cp ../recordings/* ./$DIR;
YESTERDAYDIR=$(date -d "1 day ago" +%F);
mkdir -p $YESTERDAYDIR; cp ../recordings/* $YESTERDAYDIR;
tar -zcf $YESTERDAYDIR.tar.gz $YESTERDAYDIR;
rm -rf $YESTERDAYDIR;
OLDDIR=$(date -d "$MONTHS month ago" +%F);
OLDFILE=$OLDDIR.tar.gz;
rm -rf $OLDFILE;
ls | wc -l
