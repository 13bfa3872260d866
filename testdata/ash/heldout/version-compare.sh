#!/bin/bash
current="1.4.2"
required="1.10.0"
if [ "$(printf '%s\n' "$required" "$current" | sort -V | head -n1)" = "$required" ]; then
  echo "up to date"
else
  echo "upgrade needed"
fi
