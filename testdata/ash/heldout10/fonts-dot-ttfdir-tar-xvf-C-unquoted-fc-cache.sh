#!/bin/sh
set -e
# The font archive and the file naming the font directory are made first;
# fc-cache is a stand-in
mkdir -p bin fx/ubuntu share/fonts/truetype
printf 'font' > fx/ubuntu/Ubuntu-R.ttf
printf 'font' > fx/ubuntu/Ubuntu-B.ttf
tar -czf fonts-ubuntu.tar.gz -C fx ubuntu
echo 'sysdir=share/fonts/truetype' > TTFDIR
printf '#!/bin/sh\necho "fc-cache: succeeded"\n' > bin/fc-cache
chmod +x bin/*
PATH="$PWD/bin:$PATH"

. ./TTFDIR
#
echo "+ unzip"
tar xvf fonts-ubuntu.tar.gz -C $sysdir | sort
echo "+ update font-cache"
fc-cache
echo "+ done"
ls $sysdir/ubuntu

