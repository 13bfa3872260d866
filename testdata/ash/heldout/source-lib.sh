#!/bin/bash
cat > lib.sh <<'EOF'
say() { echo "lib says $1"; }
EOF
source ./lib.sh
say hi
