#!/usr/bin/env bash
set -- archbox Europe/Berlin
HOSTNAME="$1"
TIMEZONE="$2"
hwclock() { echo "hwclock $*"; }
locale-gen() { grep -v '^#' etc/locale.gen | sed 's/^/Generating /'; }
mkdir -p etc usr/share/zoneinfo/Europe
touch usr/share/zoneinfo/$TIMEZONE
printf '#en_US.UTF-8 UTF-8\n#de_DE.UTF-8 UTF-8\n' > etc/locale.gen

ln -sf ../usr/share/zoneinfo/$TIMEZONE etc/localtime
hwclock --systohc

sed -i 's/#en_US.UTF-8/en_US.UTF-8/' etc/locale.gen
locale-gen
echo "LANG=en_US.UTF-8" > etc/locale.conf
echo "$HOSTNAME" > etc/hostname
readlink etc/localtime
