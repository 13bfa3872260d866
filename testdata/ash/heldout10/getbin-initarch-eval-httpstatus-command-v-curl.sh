#!/usr/bin/env bash

# An installer after dep's: finds the platform and the latest release,
# and downloads the binary for it.
#
# curl and uname are stand-ins; the binary lands in the working directory
set -e

mkdir -p bin
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
if [ -n "$out" ]; then
  printf '#!/bin/sh\necho "linkchecker from %s"\n' "$a" > "$out"
else
  printf '{"tag_name":"v0.2.3","assets":[]}\nHTTPSTATUS:200'
fi
EOF
chmod +x bin/*
PATH="$PWD/bin:$PATH"

RELEASES_API="https://api.github.com/repos/mbarley333/linkchecker/releases/latest"
INSTALL_DIRECTORY=.

downloadJSON() {
    url="$2"

    echo "Fetching $url.."
    if test -x "$(command -v curl)"; then
        response=$(curl -s -L -w 'HTTPSTATUS:%{http_code}' -H 'Accept: application/json' "$url")
        body=$(echo "$response" | sed -e 's/HTTPSTATUS\:.*//g')
        code=$(echo "$response" | tr -d '\n' | sed -e 's/.*HTTPSTATUS://')
    else
        echo "Unable to find curl or wget - make sure one of them is installed and try again."
        exit 1
    fi
    if [ "$code" != 200 ]; then
        echo "Request failed with code $code"
        exit 1
    fi

    eval "$1='$body'"
}

downloadFile() {
    url="$1"
    destination="$2"

    echo "Fetching $url.."
    if test -x "$(command -v curl)"; then
        curl -s -L "$url" -o "$destination"
    fi
}

initArch() {
    ARCH=$(uname -m)
    if [ -n "$DEP_ARCH" ]; then
        echo "Using DEP_ARCH"
        ARCH="$DEP_ARCH"
    fi
    case $ARCH in
        amd64) ARCH="amd64";;
        x86_64) ARCH="amd64";;
        i386) ARCH="386";;
        ppc64) ARCH="ppc64";;
        ppc64le) ARCH="ppc64le";;
        *) echo "Architecture ${ARCH} is not supported by this installation script"; exit 1;;
    esac
    echo "ARCH = $ARCH"
}

initOS() {
    OS=$(uname | tr '[:upper:]' '[:lower:]')
    if [ -n "$DEP_OS" ]; then
        echo "Using DEP_OS"
        OS="$DEP_OS"
    fi
    case "$OS" in
        darwin) OS='darwin';;
        linux) OS='linux';;
        freebsd) OS='freebsd';;
        *) echo "OS ${OS} is not supported by this installation script"; exit 1;;
    esac
    echo "OS = $OS"
}

initArch
initOS

BINARY="linkchecker-${OS}-${ARCH}"
downloadJSON LATEST_RELEASE "$RELEASES_API"
TAG=$(echo "$LATEST_RELEASE" | tr -s '\n' ' ' | sed 's/.*"tag_name":"//' | sed 's/".*//')
echo "TAG = $TAG"
BINARY_URL="https://example.invalid/releases/download/$TAG/$BINARY"
downloadFile "$BINARY_URL" "$INSTALL_DIRECTORY/linkchecker"
chmod +x "$INSTALL_DIRECTORY/linkchecker"
echo "Moved binary to $INSTALL_DIRECTORY/linkchecker"
./linkchecker
