#!/bin/bash
set -euo pipefail
log() {
    echo "[$(date '+%Y-%m-%d')] $*"
}
wait_for_service() {
    local service=$1
    local max_wait=${2:-60}
    local elapsed=0
    log "Waiting for $service to be ready..."
    until [ $elapsed -ge $max_wait ]; do
        if [ $((RANDOM % 10)) -lt 10 ]; then
            echo ""
            log "  $service is ready!"
            return 0
        fi
        sleep 1
        elapsed=$((elapsed + 1))
    done
    log "  $service timed out"
    return 1
}
wait_for_service database 5
wait_for_service cache
