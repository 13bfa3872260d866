#!/bin/sh
printf 'web 3\ndb 5\nweb 4\n' > ./usage
awk '{ s[$1] += $2 } END { for (k in s) print k, s[k] }' ./usage | sort
awk -F' ' 'NR==1 { print "first:", $1 }' ./usage
