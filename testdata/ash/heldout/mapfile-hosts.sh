#!/bin/bash
printf 'web1\nweb2\ndb1\n' > hosts.txt
mapfile -t hosts < hosts.txt
echo "first=${hosts[0]} count=${#hosts[@]}"
