#!/bin/sh
log() { echo "[job] $*"; }
export -f log
sh -c 'log hi' 2>/dev/null || echo "child has no log"
