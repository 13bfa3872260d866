#!/bin/sh
printf 'a.example\nb.example\n' > ./hosts.txt
mapfile -t hosts < ./hosts.txt
echo "read ${#hosts[@]} hosts"
