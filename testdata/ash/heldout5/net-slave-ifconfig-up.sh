#!/bin/sh
mkdir -p sbin
printf '#!/bin/sh\necho "would run: $(basename "$0") $*"\n' > sbin/ifconfig
cp sbin/ifconfig sbin/route
chmod 755 sbin/ifconfig sbin/route
PATH=$PWD/sbin:$PATH

# Set static IP and mask
ifconfig eth0 192.168.0.101 netmask 255.255.255.0 up

# Set default gateway
route add default gw 192.168.1.1
