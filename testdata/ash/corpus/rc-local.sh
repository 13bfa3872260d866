#!/bin/sh
# /etc/local.d/10-sysctl.start: apply settings at boot (written to a file here).
out=./sysctl.applied
: > "$out"
while read -r key value; do
	[ -n "$key" ] || continue
	echo "$key = $value" >> "$out"
done <<EOF
net.ipv4.ip_forward 1
vm.swappiness 10
EOF
cat "$out"
