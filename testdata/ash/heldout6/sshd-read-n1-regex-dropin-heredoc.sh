#!/bin/bash

# SSH hardening
# Run as root: sudo bash 06-ssh-hardening.sh
# WARNING: have SSH key access before running it!
systemctl() { echo "systemctl $*"; }
sshd() { echo "sshd $*: config OK"; }
mkdir -p etc/ssh
cat > etc/ssh/sshd_config <<'CFG'
Port 22
#PermitRootLogin prohibit-password
PermitRootLogin yes
#PasswordAuthentication yes
#PermitEmptyPasswords no
UsePAM yes
CFG
mkdir -p etc/ssh/sshd_config.d

set -e

if [ "$(id -u)" != "0" ]; then
    echo "Run as root: sudo bash $0"
    exit 1
fi

echo "=========================================="
echo "WARNING: SSH Hardening"
echo "=========================================="
echo ""
echo "This will:"
echo "  - Disable root login"
echo "  - Disable password authentication"
echo ""
echo "Have SSH key access first!"
echo ""
read -p "Continue? (y/N) " -n 1 -r <<'ANSWER'
y
ANSWER
echo
[[ ! $REPLY =~ ^[Yy]$ ]] && exit 0

echo "Writing the SSH hardening config..."

cat > etc/ssh/sshd_config.d/hardening.conf << 'EOF'
# SSH Hardening
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
MaxAuthTries 3
EOF

sshd -t
systemctl restart ssh
cat etc/ssh/sshd_config.d/hardening.conf
