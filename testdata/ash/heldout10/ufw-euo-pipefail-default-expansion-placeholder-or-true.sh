#!/usr/bin/env bash
# configure-ufw.sh - Configure UFW firewall and open specified ports
set -euo pipefail

# apt-get is a stand-in; ufw keeps its rules in the working directory; the
# ports come from the environment, set here
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
UFW_ALLOW_PORTS="80/tcp 443/tcp  8080"

UFW_ALLOW_PORTS="${UFW_ALLOW_PORTS:-}"

echo "ğŸ”§ Installing and enabling UFW ..."
apt-get install -y ufw || true
echo "ğŸŸ¢ Enabling UFW ..."
ufw --force enable || true

echo "â¡ï¸ Ports requested to allow: ${UFW_ALLOW_PORTS:-<none>}"
if [ -n "$UFW_ALLOW_PORTS" ]; then
  for port in $UFW_ALLOW_PORTS; do
    [ -z "$port" ] && continue
    echo "ğŸ”“ Allowing port $port"
    ufw allow "$port" || true
  done
fi

echo "âœ… UFW configured"
echo "ğŸ” ufw status"
ufw status
