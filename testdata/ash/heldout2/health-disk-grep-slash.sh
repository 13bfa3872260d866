#!/bin/bash
# Alerts if disk usage exceeds a threshold
THRESHOLD=101
EMAIL="admin@example.com"
mail() { echo "mail $*"; }
usage=$(df -h / | grep '/' | awk '{print $5}' | sed 's/%//g')
if [ "$usage" -gt "$THRESHOLD" ]; then
    echo "Disk usage is above $THRESHOLD%." | mail -s "Disk Usage Alert" $EMAIL
else
    echo "disk below $THRESHOLD%"
fi
