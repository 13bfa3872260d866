#!/bin/sh
sleep 10 &
echo $! > app.pid
kill "$(cat app.pid)" && echo "stopped"
