#/bin/bash
uname() { echo 5.15.0-91-generic; }
mkdir -p bin
printf '#!/bin/sh\necho "apt-get $*"\n' > bin/apt-get
printf '#!/bin/sh\necho "Generating grub configuration file ..."\n' > bin/update-grub
chmod +x bin/apt-get bin/update-grub
PATH=$PWD/bin:$PATH
reboot() { echo "reboot requested"; }
mkdir -p boot
for v in 5.15.0-86-generic 5.15.0-88-generic 5.15.0-91-generic; do
	: > boot/vmlinuz-$v
	: > boot/initrd.img-$v
done

apt-get update -y
apt-get upgrade -y
ls boot/ | grep vmlinuz | sed 's@vmlinuz-@linux-image-@g' | grep -v `uname -r` > kernelList
for I in `cat kernelList`
do
apt-get remove $I
done
rm -f kernelList 
update-grub #may not be needed
reboot
