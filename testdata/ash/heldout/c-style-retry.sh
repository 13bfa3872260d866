#!/bin/bash
attempt() { [ "$1" -ge 3 ]; }
for ((i=1; i<=5; i++)); do
  if attempt $i; then echo "ok after $i"; break; fi
done
