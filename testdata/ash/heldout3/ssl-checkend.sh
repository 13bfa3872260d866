#!/bin/bash
openssl() { cat >/dev/null; case "$1" in s_client) echo "CONNECTED"; return 0;; x509) [ "$4" -lt 900000 ]; return;; esac; }
set -- example.org:443
echo |  openssl s_client -connect $1 > /dev/null 2>&1
if [ $? -ne 0 ]; then
    echo "$1 bad ssl"
    exit
fi
echo | \
  openssl s_client -connect $1 2> /dev/null | \
  openssl x509 -noout -checkend 864000 # -dates
if [ $? -eq 1 ]; then
   echo  "$1 ssl expired";
else
   echo "$1 ok"
fi;
