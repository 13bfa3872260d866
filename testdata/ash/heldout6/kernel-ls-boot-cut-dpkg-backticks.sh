#!/bin/bash 
### Helps to remove the old kernels of the system
  # interactive.
uname() { echo 4.15.0-112-generic; }
sudo() { "$@"; }
dpkg() {
	printf 'ii  linux-image-4.15.0-101-generic  4.15.0-101.102  amd64  Signed kernel image generic\n'
	printf 'ii  linux-image-4.15.0-112-generic  4.15.0-112.113  amd64  Signed kernel image generic\n'
	printf 'rc  linux-image-4.15.0-99-generic   4.15.0-99.100   amd64  Signed kernel image generic\n'
}
mkdir -p boot
: > boot/vmlinuz-4.15.0-101-generic
: > boot/vmlinuz-4.15.0-112-generic

KERNEL_VERSION=`uname -r`
 

     for i in `ls boot | grep vmlinuz | cut -d'-' -f2,3`; do
        echo "Installed kernel: $i (running $KERNEL_VERSION)" 
	 `sudo dpkg -l | grep ^ii | grep $i | awk -F' ' '{print $2 }'`
     done
