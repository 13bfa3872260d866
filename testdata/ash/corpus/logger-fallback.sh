#!/bin/sh
log() {
	printf '%s %s\n' "$(date -u -d @0 +%H:%M:%S)" "$*" >> ./script.log
}
log "starting"
log "done"
cat ./script.log
