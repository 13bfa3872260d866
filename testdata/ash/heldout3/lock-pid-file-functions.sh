#!/bin/bash
HOME=$PWD
LOCK_DIR=~/locks
LOCK_FILE=${LOCK_DIR}/cron.lock
CALLED_FUNCTION=report
function lock_script() {
    mkdir -p ${LOCK_DIR}
    if [ -f "${LOCK_FILE}" ]; then
        LOCKING_PID=`cat ${LOCK_FILE}`
        >&2  echo "ERROR : Script ${CALLED_FUNCTION} already locked. Still running ?"
        return 1
    fi
    echo $$ > ${LOCK_FILE}
}
function unlock_script() {
    rm ${LOCK_FILE}
}
lock_script && echo "locked"
lock_script 2>/dev/null || echo "second run refused"
unlock_script
lock_script && echo "locked again"
