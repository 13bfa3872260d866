#!/bin/sh

set -e

# uname answers as an x86_64 host would; curl writes a stub binary
mkdir -p bin usr/local/bin
cat > bin/uname <<'EOF'
#!/bin/sh
case "$1" in -m) echo x86_64 ;; *) echo Linux ;; esac
EOF
cat > bin/curl <<'EOF'
#!/bin/sh
out=
for a; do
  [ "$prev" = -o ] && out=$a
  prev=$a
done
printf '#!/bin/sh\necho "versions from %s"\n' "$a" > "$out"
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

ARCH=$(uname -m)

if [ "$ARCH" = "arm64" ]; then
  BINARY_URL="https://example.invalid/releases/latest/download/versions-arm"
elif [ "$ARCH" = "x86_64" ]; then
  BINARY_URL="https://example.invalid/releases/latest/download/versions-amd"
else
  echo "Unsupported architecture: $ARCH"
  exit 1
fi

echo "Downloading versions for $ARCH..."
curl -fsSL "$BINARY_URL" -o usr/local/bin/versions

chmod +x usr/local/bin/versions

echo "Installed successfully. Run: versions"
usr/local/bin/versions
