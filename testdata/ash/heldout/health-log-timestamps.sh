#!/bin/bash
log="./health.log"
{
  echo "=== start"
  df -P / | tail -n 1 | awk '{print "disk:", ($5 ~ /%/) ? "ok" : "?"}'
  free -m | awk 'NR==2 {print "mem:", ($2 > 0) ? "ok" : "?"}'
  echo "=== end"
} >> "$log" 2>&1
cat "$log"
