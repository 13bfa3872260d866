#!/bin/bash

## To use: `ssh -p 33333 <name>@localhost` from the server

PATH=/sbin:/bin:/usr/sbin:/usr/bin:/usr/local/bin

# Stand-in: ssh prints what it would do and returns when the link drops.
ssh() { echo "ssh $*"; return 255; }

round=0
while true; do
  RET=`ps ax | grep "ssh -N -T -R 33333:localhost:22" | grep -v "grep"`
  if [ "$RET" = "" ];then
    ssh -N -T -R 33333:localhost:22 -i {ssh key} -o ServerAliveInterval=3 -o StrictHostKeyChecking=no {username@server}
  fi
  round=$((round + 1))
  [ $round -ge 2 ] && break
  sleep 0.1
done
