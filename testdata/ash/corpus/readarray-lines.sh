#!/bin/sh
readarray lines <<EOF
one
two
EOF
echo "count: ${#lines[*]}"
