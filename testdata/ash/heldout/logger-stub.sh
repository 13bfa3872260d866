#!/bin/sh
log() { printf '%s: %s\n' "backup" "$*"; }
log "started"
log "finished"
