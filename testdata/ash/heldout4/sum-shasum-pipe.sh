VERSION="3.0.1"
URL="https://example.org/project-env-shell/releases/download/v${VERSION}/shell-${VERSION}-macos-amd64.tar.gz"
curl() { for u; do :; done; printf 'release %s\n' "$u"; }

echo "creating checksum for $URL"
curl -sLf "$URL" | shasum -a 256
