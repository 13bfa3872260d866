#!/usr/bin/env bash
set -euo pipefail
# Stand-ins: haproxy and systemctl print what they would do.
mkdir -p bin etc/haproxy
cat > bin/haproxy <<'EOF'
#!/bin/sh
echo "Configuration file is valid"
EOF
chmod +x bin/haproxy
PATH="$PWD/bin:$PATH"
systemctl() { echo "systemctl $*"; }
echo 'global' > etc/haproxy/haproxy.cfg

CFG="etc/haproxy/haproxy.cfg"
CMD="haproxy"

$CMD -c -f "$CFG"
systemctl reload haproxy
echo "OK: haproxy config validated and reloaded"
