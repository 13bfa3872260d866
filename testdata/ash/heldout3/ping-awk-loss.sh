#!/bin/sh
ping() { case $1 in 10.0.0.1) l=0%;; *) l=100%;; esac; echo "PING $1"; echo "1 packets transmitted, 1 received, $l packet loss, time 0ms"; }
ping_host() {
    host=$1
    result=$(ping $host -c1 -A -w1 -W1 -q | awk -v HOST="$host" '{
        if(NF>6) {
            loss = $7; loss = substr($7, 0, length($7)-1);
            if(loss == "100") {
                print "0 " HOST
            } else {
                print "1 " HOST
            }
        }
    }')
    # if an error occurred in ping (a bad address...)
    if [[ -z $result ]]; then
        result="FAIL"
    fi
    echo $result
}
ping_host 10.0.0.1
ping_host 10.0.0.2
