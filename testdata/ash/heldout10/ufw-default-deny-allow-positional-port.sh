#!/bin/bash

# apt-get is a stand-in; ufw keeps its rules in the working directory; the
# port is given with set --
mkdir -p bin
printf '#!/bin/sh\necho "apt-get $*"\n' > bin/apt-get
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
set -- 2222

# make sure ufw installed
apt-get -y install ufw

# deny all by default
ufw default deny incoming
ufw default allow outgoing

# allow specific ports
ufw allow $1
ufw allow 80/tcp
ufw allow 443/tcp
ufw allow 53

# enbale firewall
ufw enable
cat ufw.rules
