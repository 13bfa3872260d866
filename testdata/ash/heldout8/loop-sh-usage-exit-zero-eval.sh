#!/bin/sh
# (stops after two rounds here, with a short sleep)
set -- 'ls -1 spool | wc -l; : > spool/job.$round' 0.1
mkdir -p spool

if [ $# -lt 2 ]; then
    echo "Usage: loop_command.sh <command to run> <seconds to sleep in between>"
    exit 0
fi

round=0
while true
do
    echo "loop_command.sh: Beginning command $1"
    eval "$1"
    echo "loop_command.sh: Finished command. Sleeping for $2"
    sleep $2
    round=$((round + 1)); [ $round -ge 2 ] && break
done
