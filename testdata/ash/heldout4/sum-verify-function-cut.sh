#!/usr/bin/env bash
# ==============================================================================
# checksum-verify.sh — Verify upstream tarball checksums
# Usage: ./scripts/utils/checksum-verify.sh <tarball_path> <checksum_url>
# ==============================================================================
set -euo pipefail

printf 'log() { echo "[$LOG_PREFIX] $*"; }\n' > common.sh
source ./common.sh

LOG_PREFIX="CHECKSUM"

verify_sha256() {
  local file="$1"
  local expected="$2"
  local actual
  
  actual=$(sha256sum "$file" | cut -d' ' -f1)
  
  if [[ "$actual" == "$expected" ]]; then
    log "OK: $file"
    return 0
  fi
  log "MISMATCH: $file"
  return 1
}

printf 'upstream 1.2.3\n' > upstream-1.2.3.tar.gz
good=$(sha256sum upstream-1.2.3.tar.gz | awk '{print $1}')
verify_sha256 upstream-1.2.3.tar.gz "$good"
verify_sha256 upstream-1.2.3.tar.gz 0000 || log "rejected as expected"
