#!/sbin/openrc-run
# Init script for a worker: openrc-run sources it with /bin/sh.
name="worker"
description="Background worker"
command="/usr/bin/worker"
command_args="--queue default"
command_background=true
pidfile="/run/${RC_SVCNAME:-worker}.pid"

depend() {
	need net
	after firewall
}

start_pre() {
	checkpath --directory --mode 0755 /var/lib/worker
}
