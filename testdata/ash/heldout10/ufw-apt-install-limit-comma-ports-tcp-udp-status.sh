#!/bin/bash

# sudo runs its command; apt is a stand-in; ufw keeps its rules in the
# working directory
mkdir -p bin
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
printf '#!/bin/sh\necho "apt $*"\n' > bin/apt
cat > bin/ufw <<'EOF'
#!/bin/sh
# ufw: keeps its rules in ufw.rules in the working directory
case $1 in
  enable|--force) echo "Firewall is active and enabled on system startup" ;;
  allow|limit|deny) echo "$*" >> ufw.rules; echo "Rules updated" ;;
  default) echo "Default $3 policy changed to '$2'" ;;
  status) echo "Status: active"; sed "s/^/  /" ufw.rules 2>/dev/null ;;
  *) echo "ufw $*" ;;
esac
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

sudo apt install -y ufw
sudo ufw limit 22
sudo ufw allow 53,67,80,3000,8000,9443/tcp
sudo ufw allow 53,67,80,3000,8000,9443/udp
sudo ufw enable 
sudo ufw status
