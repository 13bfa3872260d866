#!/bin/bash
#
# 03_swap.sh
# Creates a swap file if not present

set -euo pipefail
printf 'LOG_FILE=setup.log\n' > env.sh
source ./env.sh

SWAPFILE="swapfile"
swapon() { echo "swapon $1"; }
sysctl() { echo "sysctl $*"; }
mkdir -p etc

echo "=== 03_swap: Checking/creating swap..." | tee -a "$LOG_FILE"

if [ -f "$SWAPFILE" ]; then
  echo "Swap file already exists at $SWAPFILE. Skipping." | tee -a "$LOG_FILE"
else
  echo "Creating swap file..." | tee -a "$LOG_FILE"
  {
    fallocate -l 1M "$SWAPFILE"
    chmod 600 "$SWAPFILE"
    mkswap "$SWAPFILE" >/dev/null
    swapon "$SWAPFILE"
    echo 'swapfile none swap sw 0 0' | tee -a etc/fstab
    echo 'vm.swappiness=10' | tee -a etc/sysctl.conf
    sysctl -p
  } 2>&1 | tee -a "$LOG_FILE"
fi

echo "=== 03_swap: Done." | tee -a "$LOG_FILE"
wc -l < "$LOG_FILE"
