#!/bin/sh
line="web db cache"
read -r -a services <<EOF
$line
EOF
echo "first: ${services[0]}"
