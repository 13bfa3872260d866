#!/bin/sh
eselect() { echo "Available kernel symlink targets:"; echo "  [1]   linux-6.6.13-gentoo *"; }
sudo() { "$@"; }
mkdir -p boot
for v in 6.1.69-gentoo 6.6.8-gentoo 6.6.13-gentoo 6.1.9-gentoo; do
	: > boot/vmlinuz-$v
	: > boot/System.map-$v
	: > boot/config-$v
	: > boot/initramfs-$v.img
done

eselect kernel list

cd boot
# Every kernel file but the newest two
latest_kernels=$(ls vmlinuz-* | sort -V | head -n -2)

# System.map, config and initramfs go with them
for kernel in $latest_kernels; do
  sudo rm $kernel
  sudo rm System.map-${kernel#vmlinuz-}*
  sudo rm config-${kernel#vmlinuz-}*
  sudo rm initramfs-${kernel#vmlinuz-}*.img
done

echo "Old kernel files removed."
ls
cd - >/dev/null

exit 0

# vim: set ft=sh:
