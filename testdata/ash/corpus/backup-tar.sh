#!/bin/sh
set -e
src=./data
dest=./backups
mkdir -p "$src/etc" "$dest"
echo "db_host=localhost" > "$src/etc/app.conf"
stamp=$(date -u -d @86400 +%Y%m%d)
archive="$dest/data-$stamp.tar.gz"
tar -czf "$archive" -C "$src" etc
tar -tzf "$archive" | grep -c app.conf
echo "wrote $archive"
