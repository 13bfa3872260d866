#!/bin/bash
#
# File: start.sh
# 
# This ought to be run in a Linux shell.

# Stand-in: the emulator prints its options one a line.
mkdir -p bin
cat > bin/qemu-system-i386 <<'EOF'
#!/bin/sh
printf '%s\n' "$@"
EOF
chmod +x bin/qemu-system-i386
PATH="$PWD/bin:$PATH"
: > myOS.img
: > disk.hdd

# Convenience script to start the VM.
qemu-system-i386 \
	-D qemu.log \
	-boot c,menu=off \
	-drive file=myOS.img,format=raw,if=ide,media=disk,index=0 \
	-drive file=disk.hdd,format=raw,if=ide,media=disk,index=1 \
	-m 4G -curses -gdb tcp::1236 \
	-S
