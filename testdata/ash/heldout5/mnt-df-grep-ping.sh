#!/bin/bash
SERVIP=10.10.14.20                  # the ubuntu host
ping() { echo "64 bytes from $3: icmp_seq=1 ttl=64"; }
sudo() { echo "sudo $*"; }
df() { printf 'Filesystem 1K-blocks Used Available Use%% Mounted on\noverlay 100 50 50 50%% /\n'; }
if ! df | grep lect_nfs > /dev/null ; then
	ping -c 1 $SERVIP > /dev/null
	if [ $? -eq 0 ] ; then
		sudo mount -t nfs $SERVIP:/srv/nfs /mnt/lect_nfs
		df | grep lect_nfs
	fi
fi
