#!/bin/bash
sudo() { "$@"; }
service() { echo "service $*"; }
mkdir -p etc/ssh
cat > etc/ssh/sshd_config <<'CFG'
Port 22
#PermitRootLogin prohibit-password
PermitRootLogin yes
#PasswordAuthentication yes
#PermitEmptyPasswords no
UsePAM yes
CFG

# No root over SSH
sudo sed -i 's/PermitRootLogin yes/PermitRootLogin no/g' etc/ssh/sshd_config

# No passwords
sudo sed -i 's/#PasswordAuthentication yes/PasswordAuthentication no/g' etc/ssh/sshd_config

# Restart ssh
sudo service ssh restart
cat etc/ssh/sshd_config
