#!/bin/bash
ping() { echo "PING $2"; [ "$2" != 10.0.0.9 ]; }
printf '10.0.0.8\n10.0.0.9\n' > myhosts
hosts=./myhosts
for ip in $(cat $hosts)
do
	ping -c1 $ip > /dev/null
	if [ $? -eq 0 ]
	then
		echo "$ip is pinging"
	else
		echo "ip not"
	fi
done
