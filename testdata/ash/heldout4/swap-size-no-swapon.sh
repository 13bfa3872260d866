#!/usr/bin/env bash
# Allocate the swap file; it is enabled from fstab at the next boot.
mkdir -p etc
fallocate -l 2M swapfile
chmod 600 swapfile
mkswap swapfile >/dev/null && echo "swap signature written"
echo 'swapfile none swap sw 0 0' | tee -a etc/fstab
ls -l swapfile | awk '{print $1, $5}'
