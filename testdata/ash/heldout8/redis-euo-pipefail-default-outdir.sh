#!/usr/bin/env bash
set -euo pipefail

# Stand-ins: redis-cli, a fixed time of day, the rdb file as a fixture.
mkdir -p bin var/lib/redis
cat > bin/redis-cli <<'EOF'
#!/bin/sh
echo OK
EOF
chmod +x bin/redis-cli
PATH="$PWD/bin:$PATH"
date() { echo 20240105_120000; }
set -- ./snapshots

# Usage: ./backup_redis.sh [output_dir]
OUTDIR=${1:-"./backups"}
mkdir -p "$OUTDIR"
FILENAME="$OUTDIR/redis_backup_$(date +%Y%m%d_%H%M%S).rdb"

echo "Triggering Redis SAVE"
redis-cli -h ${REDIS_HOST:-localhost} -p ${REDIS_PORT:-6379} SAVE

RDB_SOURCE=${REDIS_RDB_PATH:-var/lib/redis/dump.rdb}
if [ -f "$RDB_SOURCE" ]; then
  cp "$RDB_SOURCE" "$FILENAME"
  echo "Saved to $FILENAME"
else
  echo "WARNING: Could not locate RDB at $RDB_SOURCE; adjust REDIS_RDB_PATH"
fi
RDB_SOURCE=${REDIS_RDB_PATH:-var/lib/redis/dump.rdb}
echo 'REDIS0009' > "$RDB_SOURCE"
if [ -f "$RDB_SOURCE" ]; then
  cp "$RDB_SOURCE" "$FILENAME"
  echo "Saved to $FILENAME"
fi
