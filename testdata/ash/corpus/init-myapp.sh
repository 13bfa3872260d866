#!/bin/sh
# OpenRC-style wrapper for a small daemon, driven by its first argument.
name=myapp
rundir=./run
pidfile="$rundir/$name.pid"

start() {
	mkdir -p "$rundir"
	if [ -f "$pidfile" ]; then
		echo "$name already running"
		return 0
	fi
	echo 4242 > "$pidfile"
	echo "started $name"
}

stop() {
	[ -f "$pidfile" ] || { echo "$name not running"; return 0; }
	rm -f "$pidfile"
	echo "stopped $name"
}

case "${1:-start}" in
	start) start ;;
	stop) stop ;;
	restart) stop; start ;;
	*) echo "usage: $0 {start|stop|restart}" >&2; exit 64 ;;
esac
stop
