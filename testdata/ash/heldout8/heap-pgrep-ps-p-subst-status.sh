#!/usr/bin/env bash

# Stand-ins: the time of day is fixed; pgrep finds "java" as
# process 1, which always exists, so that ps can look it up; jmap says
# what it would dump.
date() { echo 2024-01-05_12-00-00; }
pgrep() { echo 1; }
jmap() { echo "Heap dump file created"; }

# Make the folder and the file name
datetime=`date '+%Y-%m-%d_%H-%M-%S'`
folder_heapdump=extract/
file_heapdump="${folder_heapdump}heapdump-${datetime}"
PID=`pgrep java`

# Check that the process exists, then run jmap
if [ -n "${PID}" ]; then
  $(ps -p ${PID} >/dev/null)
  if [ "$?" -eq 0 ]; then
    echo "Running: jmap -dump:format=b,file=${file_heapdump} <pid>"
    jmap -dump:format=b,file=${file_heapdump} ${PID}
    echo "The file was written to ${file_heapdump}"
    echo "Please delete it once you have copied it"
  else
    echo "Cannot take the heap dump: process ${PID} not found"
  fi
else
  echo "Cannot take the heap dump: the PID file ${PID_FILE} does not exist"
fi
