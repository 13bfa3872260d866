#!/bin/bash
# Stand-in: jmap says where it would dump, with the time masked. Two
# rounds here, a second apart.
jmap() { echo "Dumping heap to ${1#-dump:file=} of $2" | sed 's/[0-9]\{9,\}/N/'; }
mkdir -p tmp
set -- 4242

PID=$1
round=0
while true
do
  # /usr/local/java/bin/jmap -dump:format=b,file=filename.hprof $PID
  jmap -dump:file=tmp/java-`date +%s`.hprof $1
  # Sleep (30 seconds in the source) and take the heap dump again.
  sleep 1
  round=$((round + 1)); [ $round -ge 2 ] && break
done
