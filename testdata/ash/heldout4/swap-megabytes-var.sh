#!/bin/sh
 
# size of swapfile in megabytes
swapsize=1
swapon() { echo "swapon $*"; }
mkdir -p etc
fallocate -l ${swapsize}M swapfile
chmod 600 swapfile
mkswap swapfile >/dev/null
swapon swapfile
echo 'swapfile none swap defaults 0 0' >> etc/fstab
du -k swapfile | cut -f1
