#!/usr/bin/env bash
# logrotate.sh - simple log rotation + compression
set -euo pipefail
LOG_DIR="${1:-./logs}"
MAX_SIZE_BYTES="${2:-100}"
KEEP_DAYS="${3:-7}"
mkdir -p "$LOG_DIR"
head -c 300 /dev/zero > "$LOG_DIR/big.log"
echo small > "$LOG_DIR/small.log"
echo "[logrotate] Rotating logs in $LOG_DIR (max size ${MAX_SIZE_BYTES} bytes)..."
shopt -s nullglob
for f in "$LOG_DIR"/*.log; do
  if [ ! -f "$f" ]; then
    continue
  fi
  if stat --version >/dev/null 2>&1; then
    SIZE=$(stat -c%s "$f")
  else
    SIZE=$(wc -c < "$f" | tr -d ' ')
  fi
  if [ "$SIZE" -ge "$MAX_SIZE_BYTES" ]; then
    mv "$f" "$f.1"
    gzip -f "$f.1"
    : > "$f"
    echo "rotated ${f##*/} ($SIZE bytes)"
  fi
done
for g in "$LOG_DIR"/*.none; do echo "unexpected $g"; done
find "$LOG_DIR" -name '*.gz' -mtime +"$KEEP_DAYS" -delete
ls "$LOG_DIR"
