#!/bin/bash
LOCK=./job.lock
if ( set -o noclobber; echo "$$" > "$LOCK" ) 2>/dev/null; then
  echo "locked"
  rm -f "$LOCK"
else
  echo "already running"
fi
