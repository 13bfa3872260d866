#!/bin/bash

# Stand-in: the emulator prints the machine it would start.
mkdir -p bin
cat > bin/qemu-system-x86_64 <<'EOF'
#!/bin/sh
echo "qemu-system-x86_64 $*"
EOF
chmod +x bin/qemu-system-x86_64
PATH="$PWD/bin:$PATH"

qemu-system-x86_64 \
  -m 512M \
  -cdrom image.iso \
  -boot d \
  -serial stdio \
  -vga std \
  -no-shutdown \
  -no-reboot

