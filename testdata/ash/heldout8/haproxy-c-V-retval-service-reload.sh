#!/bin/bash

# Stand-ins: haproxy finds an error in the configuration; service prints.
haproxy() { echo "[ALERT] parsing [$4:3]: unknown keyword 'maxcon'" >&2; echo "Configuration file has errors"; return 1; }
service() { echo "service $*"; }
mkdir -p etc/haproxy
printf 'global\n  maxcon 10\n' > etc/haproxy/haproxy.cfg

haproxy -c -V -f etc/haproxy/haproxy.cfg > /dev/null

retVal=$?
if [ $retVal -ne 0 ]; then
	echo "haproxy could not be reloaded, syntax check failed"
else 
	# reload haproxy
	service haproxy reload
fi

exit $retVal
