package vagrantbox

import "io/fs"

// The minirootfs has none of the init scripts Alpine's openrc package
// brings, and Debian's openrc package has none an Alpine boot needs, so
// the box carries its own: kernel filesystems and a writable root, the
// hostname, DHCP on eth0 (BusyBox udhcpc), and sshd.

type bootFile struct {
	body string
	mode fs.FileMode
}

// runlevels lists the services each runlevel starts.
var runlevels = map[string][]string{
	"sysinit": {"mounts"},
	"boot":    {"hostname", "networking"},
	"default": {"sshd"},
}

var bootFiles = map[string]bootFile{
	"etc/init.d/mounts": {`#!/sbin/openrc-run
description="Mounts /sys, /dev/pts and /dev/shm and makes the root writable"

start() {
	ebegin "Mounting kernel filesystems"
	mountpoint -q /sys || mount -t sysfs -o nosuid,nodev,noexec sysfs /sys
	mkdir -p /dev/pts /dev/shm
	mountpoint -q /dev/pts || mount -t devpts -o gid=5,mode=620 devpts /dev/pts
	mountpoint -q /dev/shm || mount -t tmpfs -o nosuid,nodev,mode=1777 shm /dev/shm
	mount -o remount,rw /
	eend $?
}

stop() {
	sync
}
`, 0o755},
	// The hostname resolves through /etc/hosts, so that 'hostname -f'
	// (Vagrant asks it before renaming a machine) needs no DNS.
	"etc/init.d/hostname": {`#!/sbin/openrc-run
description="Sets the hostname from /etc/hostname"

start() {
	name=$(cat /etc/hostname 2>/dev/null)
	ebegin "Setting hostname to ${name:=alpine}"
	hostname "$name" &&
		{ grep -q "^127\.0\.1\.1[[:space:]]$name\$" /etc/hosts || echo "127.0.1.1	$name" >> /etc/hosts; }
	eend $?
}
`, 0o755},
	"etc/init.d/networking": {`#!/sbin/openrc-run
description="Brings up lo and asks DHCP for the other interfaces"

depend() {
	provide net
	after hostname
}

start() {
	ebegin "Starting networking"
	ip link set lo up && ifup -a
	eend $?
}

stop() {
	ebegin "Stopping networking"
	ifdown -a
	eend $?
}
`, 0o755},
	"etc/init.d/sshd": {`#!/sbin/openrc-run
description="OpenSSH server"
command=/usr/sbin/sshd
command_args="-E /var/log/sshd.log"
pidfile=/run/sshd.pid

depend() {
	need net
}

start_pre() {
	mkdir -p /run/sshd && chmod 0755 /run/sshd || return 1
	for type in ed25519 ecdsa rsa; do
		key=/etc/ssh/ssh_host_${type}_key
		[ -s "$key" ] && continue
		ebegin "Generating the $type host key"
		ssh-keygen -q -t "$type" -N '' -f "$key"
		eend $? || return 1
	done
	/usr/sbin/sshd -t
}
`, 0o755},
	// ifup and ifdown as Vagrant's Alpine guest calls them when it sets
	// the hostname ('ifdown -a; ifup -a; ifup eth0'). Only DHCP is
	// known. ifdown stops the DHCP client but keeps the address, so that
	// the SSH connection Vagrant runs it over survives, and ifup starts
	// the client again (a lease renewal under the new hostname).
	"sbin/ifup": {`#!/bin/sh
# ifup [-a] [IFACE...]: DHCP on each interface (all but lo with -a).
[ "$1" = -a ] && set -- $(ls /sys/class/net | grep -vx lo)
for i; do
	pid=/run/udhcpc.$i.pid
	[ -s "$pid" ] && kill -0 "$(cat "$pid")" 2>/dev/null && continue
	ip link set "$i" up || exit 1
	udhcpc -b -S -i "$i" -p "$pid" -t 10 -T 1 -x hostname:"$(hostname)" || exit 1
done
`, 0o755},
	"sbin/ifdown": {`#!/bin/sh
# ifdown [-a] [IFACE...]: stops DHCP on each interface, keeping its address.
[ "$1" = -a ] && set -- $(ls /sys/class/net | grep -vx lo)
for i; do
	pid=/run/udhcpc.$i.pid
	[ -s "$pid" ] && kill "$(cat "$pid")" 2>/dev/null
	rm -f "$pid"
done
exit 0
`, 0o755},
	"etc/ssh/sshd_config": {`# switchback Alpine box: keys only; root logs in with a key (the
# Vagrantfile can authorize one).
HostKey /etc/ssh/ssh_host_ed25519_key
HostKey /etc/ssh/ssh_host_ecdsa_key
HostKey /etc/ssh/ssh_host_rsa_key
PidFile /run/sshd.pid
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
UseDNS no
# A machine restored from a snapshot with its memory resumes the SSH
# sessions open when the snapshot was taken, among them the one holding
# a switchback run's host lock, whose client is long gone: asking the
# client every 10 s ends such a session (and frees the lock) soon after.
ClientAliveInterval 10
ClientAliveCountMax 3
Subsystem sftp internal-sftp
`, 0o644},
	"etc/hostname": {"alpine\n", 0o644},
	"etc/fstab":    {"LABEL=alpine-root\t/\text4\trw,relatime\t0 1\n", 0o644},
	// The local repository first (the box is built offline), then
	// Alpine's own, which apk skips with a warning where there is no
	// network.
	"etc/apk/repositories": {"/mnt/repo\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/community\n", 0o644},
	"etc/inittab": {`# /etc/inittab (switchback Alpine box)

::sysinit:/sbin/openrc sysinit
::sysinit:/sbin/openrc boot
::wait:/sbin/openrc default

# A login prompt on the first virtual console.
tty1::respawn:/sbin/getty 38400 tty1

::ctrlaltdel:/sbin/reboot
::shutdown:/sbin/openrc shutdown
`, 0o644},
}
