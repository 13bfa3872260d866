#!/usr/bin/env bash
nc() { return 1; }
set -- cache 6379
TIMEOUT=3
while ! nc -z $1 $2; do
  echo "Waiting for $1:$2..."
  TIMEOUT=$((TIMEOUT-1))
  if [ $TIMEOUT -le 0 ]; then
    echo "Service $1:$2 did not become ready in time."
    exit 1
  fi
  sleep 0
done
echo "Service $1:$2 is up!"
