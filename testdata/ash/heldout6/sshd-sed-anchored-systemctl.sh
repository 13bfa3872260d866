#!/bin/bash
systemctl() { echo "systemctl $*"; }
mkdir -p etc/ssh
cat > etc/ssh/sshd_config <<'CFG'
Port 22
#PermitRootLogin prohibit-password
PermitRootLogin yes
#PasswordAuthentication yes
#PermitEmptyPasswords no
UsePAM yes
CFG

# No root login over SSH
sed -i 's/^#PermitRootLogin.*/PermitRootLogin no/' etc/ssh/sshd_config
sed -i 's/^PermitRootLogin.*/PermitRootLogin no/' etc/ssh/sshd_config

# Restart SSH
systemctl restart sshd
grep -c '^PermitRootLogin no' etc/ssh/sshd_config
