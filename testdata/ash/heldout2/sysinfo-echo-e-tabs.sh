#!/bin/bash
hostname() { [ "$1" = -I ] && echo "10.0.0.5 " || echo web1; }
hostname=$(hostname)
echo "Hostname: $hostname"
kernel=$(uname -r)
echo -e "Kernel version: \t\t$kernel"
architecture=$(uname -m)
echo -e "System architecture: \t\t$architecture"
uptime=$(uptime -p)
echo -e "System uptime: \t\t\t${uptime:+known}"
cores=$(nproc)
echo -e "Number of CPU cores: \t\t$cores"
memory=$(free -h | grep Mem | awk '{print $2}')
echo -e "Total amount of memory: \t$memory"
ip_address=$(hostname -I)
echo -e "Host IP address: \t\t$ip_address"
file_system=$(df -h | head -n 1)
echo -e "File System Disk Space Usage \n$file_system"
