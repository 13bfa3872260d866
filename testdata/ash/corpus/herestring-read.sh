#!/bin/sh
IFS=: read -r user rest <<< "root:x:0:0"
echo "$user"
