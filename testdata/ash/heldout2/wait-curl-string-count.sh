#!/bin/bash
attempts=0
curl() { attempts=$((attempts + 1)); [ $attempts -ge 5 ]; }
set -- http://localhost:8080/health
echo "Waiting for service $1..."
count=0
while true; do
  curl -f "$1" >/dev/null 2>/dev/null
  if [ $? = 0 ]; then
    echo "$1 is live"
    break
  fi
  count=$count+1
  if [[ $count -eq 3 ]]; then
    echo "Waited too long for $1..."
    exit 1
  fi
  sleep 0
done
