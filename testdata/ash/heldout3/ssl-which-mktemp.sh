#!/bin/sh
# Check the expiry date of the SSL certificate on the given host.
openssl() { echo "-----BEGIN CERTIFICATE-----"; }
set -- example.org
name=$1
if [ -z "$name" ]; then
   echo "Usage: $0 some.host.name"
   exit 3
fi
if ( ! which openssl >/dev/null 2>/dev/null );  then
   echo "You do not have the 'openssl' tool installed"
fi
tmp=$(mktemp)
if ( ! echo "" | openssl s_client -connect $name:443 > $tmp 2>/dev/null ); then
   echo "Failed to get cert from https://$name/"
   exit 3
fi
head -n 1 $tmp
rm -f $tmp
