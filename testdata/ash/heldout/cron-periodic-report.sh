#!/bin/sh
mkdir -p reports
out="reports/$(date +%Y%m%d).txt"
{ echo "report"; uname -s; } > "$out"
ls reports | wc -l
