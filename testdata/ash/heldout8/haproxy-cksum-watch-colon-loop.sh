#!/bin/sh
# Stand-in: service prints what it would do. The watch stops after three
# rounds; the configuration changes once, after the first.
service() { echo "service $*"; }
mkdir -p etc/haproxy
printf 'global\n  maxconn 100\n' > etc/haproxy/haproxy.cfg
CFG_FILE="etc/haproxy/haproxy.cfg"
OLD_CKSUM=""
CUR_CKSUM=""

echo "`date` Start cksum.sh" >> cksum.log

round=0
while :
do
    CUR_CKSUM=`cksum $CFG_FILE | awk '{print $1}'`

    if [ "$CUR_CKSUM" != "$OLD_CKSUM" ] && [ "$OLD_CKSUM" != "" ]
    then
        service haproxy reload
        echo "`date` Reload $CFG_FILE" >> cksum.log
    fi

    sleep 0.1
    OLD_CKSUM=$CUR_CKSUM
    round=$((round + 1))
    [ $round -eq 1 ] && printf '  maxconn 200\n' >> $CFG_FILE
    [ $round -ge 3 ] && break
done
sed -e 's/.* Start/Start/' -e 's/.* Reload/Reload/' cksum.log
