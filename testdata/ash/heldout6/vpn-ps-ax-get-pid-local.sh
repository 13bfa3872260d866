#!/bin/sh
ps() {
	echo "  PID TTY      STAT   TIME COMMAND"
	echo " 4242 ?        Ss     0:03 openvpn --config ./client.ovpn --log ./openvpn.log --daemon"
	echo " 5150 pts/0    S+     0:00 grep openvpn"
}
sudo() { echo "sudo $*"; }
mkdir -p work/local/etc/openvpn
set -- disconnect

DIR=./work/local/etc/openvpn
CONFIG=client.ovpn
LOG=openvpn.log

get_pid()
{
	ps ax | grep openvpn | grep $CONFIG | awk '{print $1}'
}

do_connect()
{
	local pid=$(get_pid)
	if [ -z "$pid" ]
	then
		echo "Connecting ..."
		cd $DIR && sudo openvpn --config ./$CONFIG --log ./$LOG --daemon
		echo "Connected with PID $(get_pid)"
	else
		echo "Already connected (PID $pid)"
	fi
}

do_disconnect()
{
	local pid=$(get_pid)
	if [ ! -z "$pid" ]
	then
		echo "Disconnecting PID $pid ..."
		sudo kill -9 $pid
	fi
}

op=$1
case $op in
	connect)
		do_connect
		;;
	disconnect)
		do_disconnect
		;;
	*)
		echo "Usage: $0 [connect|disconnect]"
		exit 1
esac
