#!/bin/bash
count=0
printf 'x\ny\n' | while read -r line; do count=$((count+1)); done
echo "count=$count"
