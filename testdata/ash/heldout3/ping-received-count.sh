#!/bin/bash
ping() { n=$2; case $3 in 10.0.0.31) r=$n;; *) r=0;; esac; echo "$n packets transmitted, $r received, 0% packet loss"; }
HOSTS="10.0.0.31 10.0.0.11"
COUNT=2
for myHost in $HOSTS
do
  count=$(ping -c $COUNT $myHost | grep 'received' | awk -F',' '{ print $2 }' | awk '{ print $1 }')
  if [ $count -eq 0 ]; then
    # 100% failed
    echo "Host : $myHost is down (ping failed) in $(date +%Y)"
  else
    echo "Host : $myHost is alive"
  fi
done
