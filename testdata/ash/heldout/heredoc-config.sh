#!/bin/bash
RETENTION=14
cat > backup.conf <<EOF
retention_days=$RETENTION
compress=yes
EOF
grep -c = backup.conf
