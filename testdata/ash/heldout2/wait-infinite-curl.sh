#!/bin/bash
n=0
curl() { n=$((n + 1)); [ $n -eq 3 ]; }
set -- http://localhost:3000
echo "[info] Waiting for service $1..."
while true; do
  curl -f "$1" > /dev/null 2> /dev/null
  if [ $? = 0 ]; then
    echo "[info] $1 is live"
    break
  fi
  sleep 0
done
