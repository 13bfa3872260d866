#!/usr/bin/env bash

set -Eeu
set -o pipefail
shopt -s globstar failglob

# get and unpack are the repository's own download helpers: stand-ins on PATH
mkdir -p bin tmp out
cat > bin/get <<'EOF'
#!/bin/sh
echo "taplo 0.9 from $2"
EOF
cat > bin/unpack <<'EOF'
#!/bin/sh
[ "$1" = --dest ] || exit 2
cat > "$2/taplo"
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"
export TMPDIR="$PWD/tmp"
MAC_URI=https://example.invalid/taplo-full-darwin-x86_64.gz
LINUX_URI=https://example.invalid/taplo-full-linux-x86_64.gz
BIN=out/taplo

if [[ "$OSTYPE" =~ 'darwin' ]]
then
  URI="$MAC_URI"
else
  URI="$LINUX_URI"
fi


TMP="$(mktemp --directory)"
get -- "$URI" | unpack --dest "$TMP"
mv -- "$TMP"/* "$BIN"
chmod +x -- "$BIN"
cat "$BIN"
ls -l "$BIN" | cut -c1-10
