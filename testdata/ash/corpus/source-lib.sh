#!/bin/sh
cat > ./lib.sh <<'EOF'
log() { printf '%s: %s\n' "$1" "$2"; }
EOF
source ./lib.sh
log info "library loaded"
. ./lib.sh
log info "again with dot"
