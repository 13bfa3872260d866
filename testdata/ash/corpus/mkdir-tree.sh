#!/bin/sh
set -eu
root=./var/lib/app
mkdir -p "$root/data" "$root/tmp" "$root/cache"
chmod 0700 "$root/tmp"
find "$root" -type d | sort
