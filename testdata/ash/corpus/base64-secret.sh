#!/bin/sh
secret="user:pass"
enc=$(printf '%s' "$secret" | base64)
echo "$enc"
printf '%s' "$enc" | base64 -d
echo
