#!/bin/bash

set -e

# uname answers as an x86_64 Linux host would; curl writes a stub binary
mkdir -p bin usr/local/bin
cat > bin/uname <<'EOF'
#!/bin/sh
case "$1" in -m) echo x86_64 ;; *) echo Linux ;; esac
EOF
cat > bin/curl <<'EOF'
#!/bin/sh
out= url=
for a; do
  [ "$prev" = -o ] && out=$a
  case $a in *://*) url=$a ;; esac
  prev=$a
done
printf '#!/bin/sh\necho "mytool from %s"\n' "$url" > "$out"
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

# Detect OS and arch
OS=$(uname | tr '[:upper:]' '[:lower:]')
ARCH=$(uname -m)
case $ARCH in
    x86_64) ARCH=amd64 ;;
    aarch64) ARCH=arm64 ;;
esac

# Download binary
URL="https://example.invalid/releases/latest/download/mytool-${OS}-${ARCH}"
curl -L "$URL" -o mytool
chmod +x mytool
mv mytool usr/local/bin/

echo "✅ mytool installed!"
usr/local/bin/mytool
