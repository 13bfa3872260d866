#!/usr/bin/env bash
# A binary installer: fetches the release page of a repository, picks the
# amd64 binary and installs it to ~/.local/bin with wget.

set -e

# curl and wget are stand-ins; HOME is below the working directory
mkdir -p bin home
export HOME="$PWD/home"
cat > bin/curl <<'EOF'
#!/bin/sh
out=
for a; do
  [ "$prev" = -o ] && out=$a
  prev=$a
done
if [ -n "$out" ]; then
  printf 'info() { echo "[info] $*"; }\nwarn() { echo "[warn] $*" >&2; }\n' > "$out"
else
  cat <<'JSON'
  "tag_name": "v0.4.1",
      "browser_download_url": "https://example.invalid/dl/gitsnip-arm64",
      "browser_download_url": "https://example.invalid/dl/gitsnip-amd64",
JSON
fi
EOF
cat > bin/wget <<'EOF'
#!/bin/sh
while [ $# -gt 1 ]; do
  case $1 in -O) out=$2; shift ;; esac
  shift
done
printf '#!/bin/sh\necho "binary from %s"\n' "$1" > "$out"
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"
set -- gitsnip gitsnip debug

COMMON_SH="common.sh"
if [ ! -f "$COMMON_SH" ]; then
    curl -sSL https://example.invalid/common.sh -o "$COMMON_SH"
fi
source "$COMMON_SH"

GITHUB_USER=thesandybridge
GITHUB_REPO=$1
BINARY=$2
DEBUG=$3
LOCAL_PATH=$HOME/.local/bin
RELEASE_URL="https://api.github.com/repos/$GITHUB_USER/$GITHUB_REPO/releases/latest"

if [ ! -d "$LOCAL_PATH" ]; then
    info "creating ~/.local/bin"
    mkdir -p "$LOCAL_PATH"
fi

DOWNLOAD_URL=$(curl -s "$RELEASE_URL" | grep browser_download_url | grep amd64 | cut -d '"' -f 4)
if [ -n "$DEBUG" ]; then
    info "download url: $DOWNLOAD_URL"
fi
if [ -z "$DOWNLOAD_URL" ]; then
    warn "no amd64 binary in the latest release"
    exit 1
fi

wget -q -O "$LOCAL_PATH/$BINARY" "$DOWNLOAD_URL"
chmod +x "$LOCAL_PATH/$BINARY"
info "installed $BINARY to ~/.local/bin"
"$LOCAL_PATH/$BINARY"
