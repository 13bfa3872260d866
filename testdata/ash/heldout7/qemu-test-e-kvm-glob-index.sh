#!/bin/sh
# Stand-in: the emulator prints the machine it would start. The kvm device
# and the kernels are files below the working directory.
mkdir -p bin
cat > bin/qemu-system-x86_64 <<'EOF'
#!/bin/sh
echo "qemu-system-x86_64 $*"
EOF
chmod +x bin/qemu-system-x86_64
PATH="$PWD/bin:$PATH"
mkdir -p dev
: > dev/kvm
: > vmlinuz-6.6.30
: > vmlinuz-6.1.90
: > rootfs.bz2
qemu-system-x86_64 $(test -e dev/kvm&&echo -enable-kvm) -kernel vmlinuz-*[0] -initrd rootfs.bz2 -m 256 -append "quiet vga=836" -smp 4
