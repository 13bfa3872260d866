#!/bin/bash
log() { echo "[$(date '+%Y-%m-%d %H:%M:%S')] $*" | sed 's/^\[[^]]*\] //'; }
log "backup started"
log "backup done"
