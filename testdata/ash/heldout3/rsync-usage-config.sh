#!/bin/sh
## Incremental Backup Script: usage and config check
BACKUP_DIR_FMT="%Y%m%d-%H%M"
BACKUP_DIR_DATE_LEN="8" ## excluding time, i.e. just len of %Y%m%d
REQUIRES="rsync"
usage () {
    echo "Incremental Backup Script: local directories -> remote host"
    echo "Requirements:"
    echo "    apt install ${REQUIRES}"
    echo
    echo "Usage:"
    echo "    ${0##*/} <config_file>"
    echo "        - to backup dirs specified in config to the remote host"
    exit 1
}
[ -n "$1" ] || usage_shown=$(usage)
echo "$usage_shown" | head -n 3
printf 'HOST=backup.example.org\nDIRS="etc home"\n' > backup.conf
. ./backup.conf
dated=$(date +$BACKUP_DIR_FMT)
echo "backing up $DIRS to $HOST, date part length ${#dated} (first $BACKUP_DIR_DATE_LEN kept)"
