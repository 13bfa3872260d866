#!/bin/bash
run() {
if [ $# -lt 1 ] || [ "$1" == "-h" ] || [ "$1" == "--help" ]; then
  echo "Usage: exclusive_cron.sh <lockfile path> <command to run>"
  return 1;
fi
LOCKFILE="${1}"
shift 1
COMMAND="$*"
if [ -e "${LOCKFILE}" ] && [ ! -f "${LOCKFILE}" ]; then
  echo "Lockfile ${LOCKFILE} exists, but is not a file"
  return 1;
fi
# FD200 is arbitrary
(
  if ! flock -x -w 0 200; then
    echo "Command '${COMMAND}' with lockfile '${LOCKFILE}' is already running"
    exit 1
  fi
  eval "${COMMAND}"
) 200>"${LOCKFILE}"
}
run -h
run ./job.lock echo "job ran"
mkdir ./dir.lock
run ./dir.lock echo never
