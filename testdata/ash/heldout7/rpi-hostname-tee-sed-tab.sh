#!/usr/bin/env bash

# Run after the board has a fixed address and an ssh key: name the board,
# set the default user's password, grow the root filesystem, reboot.
mkdir -p etc
printf '127.0.0.1\tlocalhost\n127.0.1.1\traspberrypi\n' > etc/hosts
hostname() { echo "hostname $*"; }
passwd() { while read -r line; do echo "passwd $1: got ${#line} characters"; done; }
mkdir -p bin
cat > bin/raspi-config <<'EOF'
#!/bin/sh
echo "raspi-config $*"
EOF
chmod +x bin/raspi-config
PATH="$PWD/bin:$PATH"
reboot() { echo "rebooting"; }
set -- node-03 s3cret-pw

set -e

HOSTNAME=$1
PASSWORD=$2

echo "Setting Pi Hostname"
echo $HOSTNAME | tee etc/hostname > /dev/null
sed -i "s/127.0.1.1.*raspberrypi/127.0.1.1\t$HOSTNAME/g" etc/hosts
hostname -b "$HOSTNAME"
cat etc/hosts

echo "Setting Pi Password"
(echo $PASSWORD; echo $PASSWORD) | passwd pi

echo "Expanding File System"
raspi-config --expand-rootfs

echo "Rebooting"
reboot
