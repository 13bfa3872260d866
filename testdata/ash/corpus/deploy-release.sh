#!/bin/sh
set -eu
app=./srv/shop
release=20240102
mkdir -p "$app/releases/$release" "$app/shared/log"
printf 'version=%s\n' "$release" > "$app/releases/$release/VERSION"
ln -sfn "releases/$release" "$app/current"
ln -sfn ../../shared/log "$app/releases/$release/log"
cat "$app/current/VERSION"
readlink "$app/current"
