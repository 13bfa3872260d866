#!/bin/sh

# Stand-ins: haproxy checks and "runs" (it prints); pkill prints what it
# would kill; the pid file is a fixture. The wait loop stops after two
# rounds of a short sleep, and a hangup is sent once at the end.
mkdir -p run usr/local/etc/haproxy
echo 'global' > usr/local/etc/haproxy/haproxy.cfg
echo 4242 > run/haproxy.pid
haproxy() { echo "haproxy $*"; }
pkill() { echo "pkill $*"; }

trap "echo 'reloading haproxy cfg';haproxy -c -f usr/local/etc/haproxy/haproxy.cfg && haproxy -p run/haproxy.pid -f usr/local/etc/haproxy/haproxy.cfg -sf \$(cat run/haproxy.pid)" 1

haproxy -c -f usr/local/etc/haproxy/haproxy.cfg || exit 1

haproxy -p run/haproxy.pid -f usr/local/etc/haproxy/haproxy.cfg

rounds=0
while true;do
 sleep 0.1 &
 wait
 pkill sleep
 rounds=$((rounds + 1)); [ $rounds -ge 2 ] && break
done
kill -1 $$
echo "after hangup"
