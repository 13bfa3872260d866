#!/bin/bash
ping() { [ "$2" = 10.0.0.1 ]; }
printf '10.0.0.1\n10.0.0.2\n' > myhosts
hosts="./myhosts"
for ip in $(cat $hosts)
do
       ping -c1 $ip &> /dev/null
       if [ $? -eq 0 ]
       then
       echo "$ip is pinging"
       else
       echo "$ip is not working"
       fi
done
