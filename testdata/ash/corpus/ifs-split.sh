#!/bin/sh
line="root:x:0:0:root:/root:/bin/sh"
old_ifs=$IFS
IFS=:
set -- $line
IFS=$old_ifs
echo "user=$1 uid=$3 shell=$7"
