#!/bin/sh
# Stand-in: sudo prints what it would run.
sudo() { echo "sudo $*"; }
printf 'global\n  daemon\n' > haproxy.cfg
set -- haproxy.cfg

CONFIG=$1
if [ ! -f "$CONFIG" ]; then
	echo "[ERROR] Can't find haproxy config file : $CONFIG ."
	exit 1
fi

sudo haproxy -D -f $CONFIG 
