#!/bin/bash
mail() { echo "mail $*: $(cat)"; }
THRESHOLD=101
usage=$(df -h / | awk 'NR==2 {print $5}' | sed 's/%//')
if [ "$usage" -gt "$THRESHOLD" ]; then
    echo "Disk usage alert! Current usage: ${usage}%" | mail -s "Disk Alert" admin@example.com
else
    echo "disk fine"
fi
