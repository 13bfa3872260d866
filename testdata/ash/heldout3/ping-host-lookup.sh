# check the ping to the servers
#! /bin/bash
host() { echo "$1 has address 192.0.2.$((${#1} % 200))"; }
ping() { echo "2 packets transmitted, 2 received"; }
printf 'db1\nweb2\n' > hosts_list
for s in `cat hosts_list`
do
echo "----ping test for $s---"
echo "##* HOST: $s - "`host $s | cut -d " " -f4`" *##"
echo ""
ping -c2 -t 1 $s
echo "-----completed---------"
echo ""
done
