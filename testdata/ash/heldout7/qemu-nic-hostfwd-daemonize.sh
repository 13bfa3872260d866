#!/bin/bash

# Stand-in: the emulator prints its options one a line.
mkdir -p bin
cat > bin/qemu-system-x86_64 <<'EOF'
#!/bin/sh
printf '[%s]\n' "$@"
EOF
chmod +x bin/qemu-system-x86_64
PATH="$PWD/bin:$PATH"
mkdir -p shared_folder image
: > image/L-KERNEL-BASIC

qemu-system-x86_64 -enable-kvm -nic user,hostfwd=tcp::2222-:22,smb=./shared_folder \
                   -daemonize -m 4G -smp cores=4,cpus=4 ./image/L-KERNEL-BASIC
