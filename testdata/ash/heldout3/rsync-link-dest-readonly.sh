#!/bin/bash
# incremental backups with rsync --link-dest
set -o errexit
set -o nounset
set -o pipefail
rsync() { echo "rsync with $# arguments"; }
HOME=$PWD
readonly SOURCE_DIR="${HOME}/Documents"
readonly BACKUP_DIR="./media/backups/rsync"
readonly DATETIME="$(date '+%d-%m-%Y')"
readonly BACKUP_PATH="${BACKUP_DIR}/${DATETIME}"
readonly LATEST_LINK="${BACKUP_DIR}/latest"
mkdir -p "${BACKUP_DIR}"
rm -rf "${LATEST_LINK}"
ln -s "${BACKUP_PATH}" "${LATEST_LINK}"
rsync -av --delete \
  "${SOURCE_DIR}/" \
  --link-dest "${LATEST_LINK}" \
  --exclude-from "exclude_files.txt" \
  --log-file "${BACKUP_PATH}.log" \
  "${BACKUP_PATH}"
[ -L "${LATEST_LINK}" ] && echo "latest points to a dated backup"
