#!/bin/sh
get_pid_path()
{
	echo "./run/$1.pid"
}
check_pid()
{
	local name="$1"
	local pid_path=$(get_pid_path "$name")
	local pid=$(cat "$pid_path" 2>/dev/null)
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && return 0
	return 1
}
start_daemon()
{
	local name="$1"
	local pid_path=$(get_pid_path "$name")
	shift 1
	sleep 5 >/dev/null 2>&1 &
	echo "$!" > "$pid_path"
}
mkdir -p run
check_pid web && echo "web running" || echo "web not running"
start_daemon web --port 80
check_pid web && echo "web running" || echo "web not running"
