#!/bin/bash
# wraps a process so that only one runs: with flock when it is there,
# else with a pid file
BASE_DIR=$PWD
EXEC_CMD="echo job done"
ENV_VARS_FILE=${BASE_DIR}/env.sh
echo 'export JOB_ENV=prod' > "$ENV_VARS_FILE"
FLOCK_FILE=${BASE_DIR}/run-job-safe.flock
PID_FILE=${BASE_DIR}/run-job-safe.pid
source $ENV_VARS_FILE
if command -v flock >/dev/null 2>&1; then
    flock -n "$FLOCK_FILE" -c "$EXEC_CMD with $JOB_ENV under flock"
else
    if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
        echo "already running"; exit 0
    fi
    echo $$ > "$PID_FILE"
    $EXEC_CMD "with $JOB_ENV under a pid file"
    rm -f "$PID_FILE"
fi
