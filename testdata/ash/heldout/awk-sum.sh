#!/bin/sh
printf '3\n4\n5\n' | awk '{s+=$1} END {print "sum", s}'
