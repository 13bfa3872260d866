#!/bin/bash
CPU_THRESHOLD=101
MEM_THRESHOLD=101
DISK_THRESHOLD=101
CPU_USAGE=$(top -bn1 | grep "Cpu(s)" | sed "s/.*, *\([0-9.]*\)%* id.*/\1/" | awk '{print 100 - $1}')
MEM_USAGE=$(free | grep Mem | awk '{print $3/$2 * 100.0}')
DISK_USAGE=$(df -h / | grep / | awk '{ print $5 }' | sed 's/%//g' | head -n 1)
if [ $(echo "$CPU_USAGE > $CPU_THRESHOLD" | bc) -ne 0 ]; then
    echo "CPU usage is above threshold"
fi
if [ $(echo "$MEM_USAGE > $MEM_THRESHOLD" | bc) -ne 0 ]; then
    echo "Memory usage is above threshold"
fi
if [ $DISK_USAGE -gt $DISK_THRESHOLD ]; then
    echo "Disk usage is above threshold"
fi
echo "checked"
