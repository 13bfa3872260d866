#!/bin/bash
# minimal init script pattern: pidfile, start, stop, status
PIDFILE=./service.pid
start() { sleep 30 & echo $! > $PIDFILE; echo "started"; }
stop() { pid=`cat $PIDFILE`; kill -9 $pid; rm -f $PIDFILE; echo "stopped"; }
status() { [ -f $PIDFILE ] && kill -0 $(cat $PIDFILE) 2>/dev/null && echo running || echo stopped; }
for action in start status stop status; do
  case "$action" in
    start|stop|status) $action ;;
    *) echo "usage: $0 {start|stop|status}" ;;
  esac
done
