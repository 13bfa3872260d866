#!/bin/bash
df -h / | awk 'NR>1 && $5+0 > 100 {print $0}' | tee disk_alert.txt
echo "lines: $(wc -l < disk_alert.txt)"
