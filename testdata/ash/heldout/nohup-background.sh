#!/bin/sh
nohup sleep 0 >/dev/null 2>&1 &
wait
echo "background done"
