#!/bin/bash -e
RELEASE=alpine-minirootfs-3.20.3-x86_64
curl() {
  case $2 in
    *.sha256) sha256sum "$RELEASE.tar.gz.src" | sed "s/\.src\$//" > "$RELEASE.tar.gz.sha256" ;;
    *) cp "$RELEASE.tar.gz.src" "$RELEASE.tar.gz" ;;
  esac
}
echo "minirootfs bytes" > $RELEASE.tar.gz.src
curl -sSO https://cdn.example.org/alpine/v3.20/releases/x86_64/$RELEASE.tar.gz
curl -sSO https://cdn.example.org/alpine/v3.20/releases/x86_64/$RELEASE.tar.gz.sha256
sha256sum -c $RELEASE.tar.gz.sha256
