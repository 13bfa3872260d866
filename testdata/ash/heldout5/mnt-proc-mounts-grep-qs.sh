#!/bin/sh
# Mount NFS share on the board computer if not mounted yet.
mount() { echo "mount $*"; }
if ! grep -qs 'mnt/nfs ' proc/mounts; then
    mount -o nolock -t nfs 129.132.24.199:/home/share /mnt/nfs
fi
mkdir -p proc
echo '129.132.24.199:/home/share mnt/nfs nfs rw 0 0' > proc/mounts
if ! grep -qs 'mnt/nfs ' proc/mounts; then
    mount -o nolock -t nfs 129.132.24.199:/home/share /mnt/nfs
else
    echo "already mounted"
fi
