#!/bin/bash
IFS=$'\t' read -r a b <<EOF
one	two
EOF
echo "$b"
