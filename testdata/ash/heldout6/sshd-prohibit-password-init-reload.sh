#!/bin/bash
sudo() { "$@"; }
mkdir -p etc/ssh
cat > etc/ssh/sshd_config <<'CFG'
Port 22
#PermitRootLogin prohibit-password
PermitRootLogin yes
#PasswordAuthentication yes
#PermitEmptyPasswords no
UsePAM yes
CFG
mkdir -p etc/init.d
printf '#!/bin/sh\necho "Reloading OpenBSD Secure Shell server'"'"'s configuration sshd."\n' > etc/init.d/ssh
chmod +x etc/init.d/ssh
sed -i 's/^PermitRootLogin yes/PermitRootLogin prohibit-password/' etc/ssh/sshd_config

# secure ssh
sudo sed -i 's/PermitRootLogin prohibit-password/PermitRootLogin no/g' etc/ssh/sshd_config
sudo sed -i 's/#PasswordAuthentication yes/PasswordAuthentication no/g' etc/ssh/sshd_config

# reload ssh server
sudo etc/init.d/ssh reload
grep -n 'PermitRootLogin\|PasswordAuthentication' etc/ssh/sshd_config
