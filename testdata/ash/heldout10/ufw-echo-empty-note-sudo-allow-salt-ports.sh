#!/bin/bash

# sudo runs its command; ufw keeps its rules in the working directory
mkdir -p bin
printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do shift; done\nexec "$@"\n' > bin/sudo
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

echo ""
echo "This script assumes you are using UFW for firewall management."
echo "If you are using another firewall management utility, allow the following 2 ports manually:"
echo ""
echo "4505, 4506"
echo ""

sudo ufw allow 4505
sudo ufw allow 4506
