#!/bin/bash
THRESHOLD=90
check_usage() {
  MOUNT_POINT=$1
  LABEL=$2
  USAGE=$(df -P "$MOUNT_POINT" | awk 'NR==2 {print $5}' | tr -d '%')
  if [ "$USAGE" -ge 101 ]; then
    echo "$LABEL is full"
  else
    echo "$LABEL usage is OK"
  fi
}
check_usage "/" "Root (/)"
