#!/bin/sh
# One-shot backup: ask redis to SAVE, then copy dump.rdb into the backups
# Stand-ins: redis-cli; /data is a fixture without the dump, so the copy fails.
mkdir -p bin data
cat > bin/redis-cli <<'EOF'
#!/bin/sh
echo "OK ($2:$4 $5)"
EOF
chmod +x bin/redis-cli
PATH="$PWD/bin:$PATH"

set -e
BACKUP_DIR=${BACKUP_PATH:-backups}
mkdir -p "$BACKUP_DIR"
echo "Triggering Redis SAVE..."
redis-cli -h ${REDIS_HOST:-redis} -p ${REDIS_PORT:-6379} SAVE
echo "Copying dump..."
cp data/dump.rdb "$BACKUP_DIR/dump-$(date -u +%Y%m%dT%H%M%SZ).rdb" || echo "Copy may fail if paths differ"
echo 'REDIS0009' > data/dump.rdb
cp data/dump.rdb "$BACKUP_DIR/dump-$(date -u +%Y%m%dT%H%M%SZ).rdb" || echo "Copy may fail if paths differ"
ls "$BACKUP_DIR" | sed 's/[0-9]/N/g'
echo "Backup finished."
