#!/bin/bash

set -o errexit
pgrep() { echo 31337; }
openconnect() { echo "openconnect $*"; }
kill() { echo "kill $*"; }
mkdir -p run
echo 31337 > run/vpn-office.pid
set -- status

username="user@example.org"
password="not-a-real-password"
server="vpn.example.org/SSL"
script="etc/vpnc/vpnc-script-office"

pidfile="run/vpn-office.pid"
logfile="run/vpn-office.log"

usage ()
{
    echo "Usage: vpn-office <connect|disconnect|reconnect|status>" 1>&2
}

status ()
{
  pid=$(pgrep openconnect | tail -n 1)

  if [ ! -s "$pidfile" ]; then
    touch $pidfile
  fi

  vpn_pid=$(cat $pidfile)
  if [ ! $pid ]; then
    echo "Openconnect is not running."
  elif [ $pid == $vpn_pid ]; then
     echo "Openconnect is running with pid $pid"
     exit 0
  else
    echo "An unknown instance of Openconnect is running with pid $pid"
    exit 0
  fi
}

connect ()
{
  echo "$password" | openconnect --background --pid-file="$pidfile" --script="$script" --user="$username" "$server" >> "$logfile" 2>&1
}

disconnect ()
{
  kill "$(cat $pidfile)"
  : > $pidfile
}

case "$1" in
  connect) connect ;;
  disconnect) disconnect ;;
  reconnect) disconnect; connect ;;
  status) status ;;
  *) usage; exit 1 ;;
esac
