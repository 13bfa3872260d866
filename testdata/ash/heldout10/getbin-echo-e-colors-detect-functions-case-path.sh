#!/bin/bash

# Jira Branch - Auto-installer script
# Detects OS/architecture and downloads the appropriate binary
#
# uname and curl are stand-ins; HOME is below the working directory

set -e

mkdir -p bin home
export HOME="$PWD/home"
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
printf '#!/bin/sh\necho "jira-branch from %s"\n' "$url" > "$out"
EOF
chmod +x bin/*
PATH="$PWD/bin:/usr/local/bin:/usr/bin:/bin"

REPO="joshwrn/jira-branch"
INSTALL_DIR="$HOME/.jira-branch/bin"

# Colors for output
RED='\033[0;31m'
GREEN='\033[0;32m'
YELLOW='\033[1;33m'
BLUE='\033[0;34m'
NC='\033[0m' # No Color

echo -e "${BLUE}Jira Branch Installer${NC}"
echo "======================"

# Function to detect OS
detect_os() {
    case "$(uname -s)" in
        Linux*)     echo "linux";;
        Darwin*)    echo "macos";;
        CYGWIN*|MINGW*|MSYS*) echo "windows";;
        *)          echo "unknown";;
    esac
}

# Function to detect architecture
detect_arch() {
    case "$(uname -m)" in
        x86_64|amd64) echo "x64";;
        arm64|aarch64) echo "arm64";;
        *)          echo "unknown";;
    esac
}

OS=$(detect_os)
ARCH=$(detect_arch)

if [ "$OS" = "unknown" ] || [ "$ARCH" = "unknown" ]; then
    echo -e "${RED}Unsupported platform: $(uname -s) $(uname -m)${NC}"
    exit 1
fi

echo -e "Detected: ${YELLOW}${OS}-${ARCH}${NC}"
BINARY_NAME="jira-branch-${OS}-${ARCH}"
URL="https://example.invalid/${REPO}/releases/latest/download/${BINARY_NAME}"

mkdir -p "$INSTALL_DIR"
curl -fsSL "$URL" -o "$INSTALL_DIR/jira-branch"
chmod +x "$INSTALL_DIR/jira-branch"
echo -e "${GREEN}Installed to ~/.jira-branch/bin/jira-branch${NC}"

case ":$PATH:" in
    *":$INSTALL_DIR:"*) ;;
    *) echo -e "${YELLOW}Add $INSTALL_DIR to your PATH${NC}" | sed "s|$HOME|~|" ;;
esac
"$INSTALL_DIR/jira-branch"
