#!/bin/bash
# First-boot setup of a board: password, ssh keys, hostname, raspi-config,
# packages, a new user, reboot. System tools print what they would do.
mkdir -p etc/ssh
printf '127.0.0.1\tlocalhost\n127.0.1.1\traspberrypi\n' > etc/hosts
passwd() { echo "passwd ${1:-(current user)}"; }
sudo() { "$@"; }
mkdir -p bin
cat > bin/dpkg-reconfigure <<'EOF'
#!/bin/sh
echo "dpkg-reconfigure $*"
EOF
chmod +x bin/dpkg-reconfigure
cat > bin/raspi-config <<'EOF'
#!/bin/sh
echo "raspi-config $*"
EOF
chmod +x bin/raspi-config
cat > bin/apt-get <<'EOF'
#!/bin/sh
echo "apt-get $*"
EOF
chmod +x bin/apt-get
PATH="$PWD/bin:$PATH"
useradd() { echo "useradd $*"; }
groups() { echo "pi adm dialout sudo video"; }
reboot() { echo "reboot"; }

# Set a new password for the default account
passwd

# New host keys for the ssh server
sudo mkdir etc/ssh/backup
sudo dpkg-reconfigure openssh-server

# The board's name
echo "garden-pi" > etc/hostname
# and its line in the hosts file
echo "127.0.1.1 garden-pi" >> etc/hosts

# Interactive configuration
sudo raspi-config

# Everyday software
sudo apt-get update
sudo apt-get install vim-gtk

# A personal account in the same groups as this one
sudo useradd -G `groups` gardener
sudo passwd gardener

cat etc/hostname etc/hosts
sudo reboot
