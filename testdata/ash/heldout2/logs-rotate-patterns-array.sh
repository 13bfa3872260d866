#!/usr/bin/env bash
# Simple log rotation for an output directory: compress older entries,
# delete very old archives.
set -euo pipefail
OUT_DIR="output"
KEEP=7
COMPRESS_AFTER=1
MAX_AGE=30
PATTERNS=("aggregate_run_*.log" "remote_mem_*.csv" "*.log")
usage(){
  cat <<USAGE
Usage: $0 [--dir DIR] [--keep N] [--compress-day N] [--max-age N]
USAGE
}
set -- --dir out2 --max-age 20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) OUT_DIR="$2"; shift 2 ;;
    --keep) KEEP="$2"; shift 2 ;;
    --compress-day) COMPRESS_AFTER="$2"; shift 2 ;;
    --max-age) MAX_AGE="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown: $1" >&2; usage >&2; exit 1 ;;
  esac
done
mkdir -p "$OUT_DIR"
echo r > "$OUT_DIR/aggregate_run_1.log"; echo m > "$OUT_DIR/remote_mem_1.csv"; echo o > "$OUT_DIR/old.log.gz"
touch -d '2020-01-01 00:00:00' "$OUT_DIR"/*
for pat in "${PATTERNS[@]}"; do
  find "$OUT_DIR" -maxdepth 1 -type f -name "$pat" -mtime +"$COMPRESS_AFTER" ! -name '*.gz' -exec gzip -f {} \;
done
find "$OUT_DIR" -type f -name '*.gz' -mtime +"$MAX_AGE" -print | sort | head -n "$KEEP"
