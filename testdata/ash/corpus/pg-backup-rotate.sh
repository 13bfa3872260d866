#!/bin/sh
# Nightly database dump with rotation (pg_dump replaced by a stub here).
set -eu
BACKUP_DIR=./backups/pg
KEEP=3
mkdir -p "$BACKUP_DIR"
pg_dump_stub() { printf 'dump of %s\n' "$1"; }
for day in 01 02 03 04 05; do
	f="$BACKUP_DIR/shop-2024-01-$day.sql"
	pg_dump_stub shop > "$f"
	gzip -9 "$f"
done
count=$(ls "$BACKUP_DIR" | wc -l)
if [ "$count" -gt "$KEEP" ]; then
	ls "$BACKUP_DIR"/*.gz | sort | head -n $((count - KEEP)) | xargs rm -f
fi
ls "$BACKUP_DIR"
