#!/bin/bash
# Step 01 of the VPS setup: swap. Sizes come from the shared env file.
printf 'SWAP_SIZE=1M\nAPP_NAME=laravel\n' > 00-env.sh
source ./00-env.sh
swapon() { echo "enabled $1"; }
mkdir -p etc
fallocate -l $SWAP_SIZE swapfile
chmod 600 swapfile
mkswap swapfile > /dev/null 2>&1
swapon swapfile
echo "swapfile none swap sw 0 0" >> etc/fstab
echo "$APP_NAME: $(stat -c %s swapfile) bytes of swap"
