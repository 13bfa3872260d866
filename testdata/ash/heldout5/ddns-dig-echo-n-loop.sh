#!/bin/sh
DDNS_HOSTNAME=home.example.net
PASS=secret
DEBUG=
dig() {
	case $2 in
	myip.opendns.com) echo 203.0.113.9 ;;
	*) [ -f updated ] && echo 203.0.113.9 || echo 203.0.113.1 ;;
	esac
}
curl() { touch updated; echo "good 203.0.113.9"; }
sleep() { :; }
rounds=0

echo "Maintaining Dynamic DNS for $DDNS_HOSTNAME"
while true; do
    WANIP=$(dig +short myip.opendns.com @resolver1.opendns.com)
    CURIP=$(dig +short $DDNS_HOSTNAME @resolver1.opendns.com)
    if [ "$WANIP" != "$CURIP" ]; then
        echo -n "Updating $DDNS_HOSTNAME to $WANIP: "
        echo $(curl -sS "https://dynamicdns.key-systems.net/update.php?hostname=${DDNS_HOSTNAME}&password=${PASS}&ip=auto")
    elif [ $DEBUG ]; then
        echo "DDNS OK"
    fi
    sleep 3600
    rounds=$((rounds + 1)); [ $rounds -lt 2 ] || break
done
