#!/bin/bash
count=0
for f in a b c; do
  let count++
done
echo "count=$count"
