#!/usr/bin/env bash
# Give the build agent a swap file and make it permanent.
swapon() { echo "swapon $1"; }
mkdir -p etc
fallocate -l 1M -x swapfile
chmod 600 swapfile
mkswap swapfile > /dev/null
swapon swapfile
echo "swapfile none swap sw 0 0" | tee -a etc/fstab
