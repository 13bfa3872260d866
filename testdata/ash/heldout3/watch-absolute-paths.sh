#!/bin/bash
# make sure a process is running and if not restart it
DATE=`/bin/date +%Y%m%d`
CDIR=`/bin/pwd`
GREP="/bin/grep"
PS="/bin/ps"
ECHO="/bin/echo"
DIRNAME="/usr/bin/dirname"
BASENAME="/bin/basename"
GNAME=""
SPATH="./bin/worker.sh"
DEBUG="FALSE"
SCRIPT=$0
printf 'enforceRoot() { [ "$(id -u)" -eq 0 ] || { echo "must be root"; exit 1; }; }\n' > functions
. ./functions
enforceRoot
GNAME=`$BASENAME $SPATH`
SDIR=`$DIRNAME $SPATH`
COUNT=`$PS ax | $GREP -v grep | $GREP -c "$GNAME"`
$ECHO "$GNAME in $SDIR: $COUNT running (checked ${#DATE}-digit date from ${CDIR##*/})" | sed 's/from .*)/)/'
