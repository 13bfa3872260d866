#!/bin/bash
#
# /etc/init.d/firewall -- start-up script for firewall (IPv4,IPv6)
#
### BEGIN INIT INFO
# Provides:          firewall
# Required-Start:    $local_fs $network
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: Start firewall.
### END INIT INFO

set -e
PATH=/bin:/usr/bin:/sbin:/usr/sbin

if [ `id -u` -ne 0 ]; then
    echo "You need root privileges to run this script"
    exit 1
fi

mkdir -p etc/default
echo 'LANG=C' > etc/default/locale
if [ -r etc/default/locale ]; then
    . ./etc/default/locale
    export LANG
fi

iptables() { echo "  iptables $*"; }
ip6tables() { echo "  ip6tables $*"; }

do_start() {
    for cmd in iptables ip6tables; do
        $cmd -P INPUT DROP
        $cmd -A INPUT -i lo -j ACCEPT
    done
}
do_stop() {
    for cmd in iptables ip6tables; do
        $cmd -P INPUT ACCEPT
        $cmd -F
    done
}

case "${1:-start}" in
  start) echo "Starting firewall (LANG=$LANG)"; do_start ;;
  stop) echo "Stopping firewall"; do_stop ;;
  restart) do_stop; do_start ;;
  *) echo "Usage: $0 {start|stop|restart}" >&2; exit 3 ;;
esac
exit 0
