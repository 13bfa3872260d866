#!/bin/bash
printf 'NAME="Alpine Linux"\nID=alpine\nID_LIKE=\nVERSION_ID=3.20.3\n' > os-release
echo "`users`@`cat ./os-release | grep "^ID" | uniq`"
echo "----------"
echo "OS: $OSTYPE"
echo "Kernel: `uname -r`"
echo "Uptime:`uptime | sed 's/.*load average.*/ load known/'`"
echo "CPU`cat /proc/cpuinfo | grep 'model name' | uniq | cut -f 2 -`"
echo "Memory: `free -m | awk '{print $2}' | head -n2 | tail -n1`MiB"
