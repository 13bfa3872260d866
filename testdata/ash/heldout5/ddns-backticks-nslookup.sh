#!/bin/bash

HOSTNAME="johndoe.dtdns.net"
PASSWORD="azerty"
wget() {
	case $1 in
	http://myip.dtdns.com) echo "203.0.113.7" ;;
	*) echo "Host $HOSTNAME now points to 203.0.113.7." ;;
	esac
}
nslookup() {
	printf 'Server:\t\t8.8.8.8\nAddress:\t8.8.8.8#53\n\nNon-authoritative answer:\nName:\t%s\nAddress: 198.51.100.4\n\n' "$1"
}

CURRENTIP=`wget http://myip.dtdns.com -4 -q -O -`
# works on hosts that don't have dig
DNSIP=`nslookup $HOSTNAME 8.8.8.8 | tail -2 | awk '{ print $2 }'`
# DNSIP=`dig +short $HOSTNAME`

if [ -n "$CURRENTIP" ] && [ -n "$DNSIP" ] ; then
	if [ "$CURRENTIP" != "$DNSIP" ] ; then
		echo "Change from $DNSIP to $CURRENTIP"
		RETURN=`wget "https://www.dtdns.com/api/autodns.cfm?id=${HOSTNAME}&pw=${PASSWORD}&ip=${CURRENTIP}" -4 -q -O -`
		echo "dtdns.com response : $RETURN"
	else
		echo "IP still $DNSIP"
	fi
else
	echo "Check Network"
fi
