#!/bin/bash
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
### export PATH ###
export PATH=$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin
# the PATH a host starts with differs; its last five entries are this script's
echo "$PATH" | tr ':' '\n' | tail -n 5
chmod 775 -R etc/ssh
/usr/bin/sed -i 's/#\?\(PermitRootLogin\s*\).*$/\1 no/' etc/ssh/sshd_config
/usr/bin/sed -i 's/#\?\(PasswordAuthentication\s*\).*$/\1 no/' etc/ssh/sshd_config
/usr/bin/sed -i 's/#\?\(PermitEmptyPasswords\s*\).*$/\1 no/' etc/ssh/sshd_config
chmod 644 -R etc/ssh
service sshd restart
cat etc/ssh/sshd_config
