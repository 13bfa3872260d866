#!/bin/sh
mkdir -p tmp
ping() { echo "PING npe.duckdns.org (198.51.100.20) 56(84) bytes of data."; }
curl() {
	case "$*" in
	*icanhazip*) echo 203.0.113.30 ;;
	*) printf 'OK200' ;;
	esac
}

if [ ! -e tmp/dnsip.txt ] ; then
    ping npe.duckdns.org -c1 | grep PING | awk '{ print $3 }' | sed 's/[()]//g' > tmp/dnsip.txt
fi

mydnsip=$(head -1 tmp/dnsip.txt)
token=xxxx

curl -s http://icanhazip.com > tmp/ip.txt
myip=$(head -1 tmp/ip.txt)
echo "current IP:"$myip

if [ "$mydnsip" = "$myip" ] ; then
    echo 'IP is not change'
else
    http_code=$(curl -s -S -w "%{http_code}" "https://www.duckdns.org/update?domains=npe&token=$token&ip=$myip")
    if [ $http_code = 'OK200' ] ; then
        echo 'update DDNS success'
        echo $myip > tmp/dnsip.txt
    else
        echo 'update DDNS fail:$http_code'
    fi
fi
cat tmp/dnsip.txt
