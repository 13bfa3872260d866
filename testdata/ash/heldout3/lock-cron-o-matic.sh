#!/bin/bash -l
set -uo pipefail
shopt -s nullglob
# run a cron script with a lock, logging stdout to a file
printf '#!/bin/sh\necho "worked on $1"\n' > job.sh; chmod +x job.sh
CRONJOB_LOCK_NAME="${CRONJOB_LOCK_NAME:-job}"
LOG_DIR=./logs
mkdir -p "$LOG_DIR"
for old in "$LOG_DIR"/*.log; do echo "old log $old"; done
exec 9>"./${CRONJOB_LOCK_NAME}.lock"
if ! flock -n 9; then
    echo "locked, skipping"
    exit 0
fi
./job.sh input >> "$LOG_DIR/${CRONJOB_LOCK_NAME}.log" 2>&1
cat "$LOG_DIR/${CRONJOB_LOCK_NAME}.log"
