#!/bin/bash
################################################################
# DynDNS-Update Script
#
# A small script to handle DynDNS update requests
# as xinetd server and from the commandline.
################################################################

### BEGIN INIT INFO
# Provides:             dyndns-update
# Required-Start:       $network $remote_fs $syslog
# Required-Stop:        $network $remote_fs $syslog
# Default-Start:        2 3 4 5
# Default-Stop:
# Short-Description:    Initialize dyndns update
### END INIT INFO

VERSION=0.2
NAME="DynDNS-Update"
DEFCONTENT="text/html"

### configuration
ZONE="dyn.example.org"
KEYFILE="Kdyn.key"
TTL=60
nsupdate() { echo "nsupdate $*"; sed 's/^/  /'; }

function http_reply() {
	local status="$1" body="$2"
	echo -e "HTTP/1.0 $status\r"
	echo -e "Content-Type: $DEFCONTENT\r"
	echo -e "Server: $NAME/$VERSION\r"
	echo -e "\r"
	echo "$body"
}

function do_update() {
	local host="$1" ip="$2"
	if [[ ! "$ip" =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
		http_reply "400 Bad Request" "invalid address $ip"
		return 1
	fi
	nsupdate -k "$KEYFILE" <<END
server localhost
zone $ZONE
update delete $host.$ZONE A
update add $host.$ZONE $TTL A $ip
send
END
	http_reply "200 OK" "updated $host to $ip"
}

# a request as xinetd would pass it on stdin
read -r method path proto <<'REQ'
GET /update?host=router&ip=203.0.113.5 HTTP/1.0
REQ
query=${path#*\?}
host=$(echo "$query" | tr '&' '\n' | grep '^host=' | cut -d= -f2)
ip=$(echo "$query" | tr '&' '\n' | grep '^ip=' | cut -d= -f2)
do_update "$host" "$ip" | tr -d '\r'
do_update "$host" "203.0.113" | tr -d '\r'
