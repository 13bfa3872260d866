#!/bin/sh
line="a,b,c"
old=$IFS; IFS=,
set -- $line
IFS=$old
echo "$# fields, second $2"
