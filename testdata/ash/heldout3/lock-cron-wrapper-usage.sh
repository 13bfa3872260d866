#!/bin/bash
# A wrapper for cron: locking so a job runs one at a time, and an optional
# random sleep so that many machines do not start together.
usage()
{
cat << EOF2
Usage:
  $0 -n name [--lockfile /path/lock.pid] [--kill] [-sleep max] /path/to/real/script.sh
EOF2
}
NAME=""
LOCKFILE=""
MAXSLEEP=0
set -- -n backup --lockfile ./backup.pid -sleep 0 ./job.sh
while [ $# -gt 0 ]; do
    case "$1" in
        -n) NAME=$2; shift 2 ;;
        --lockfile) LOCKFILE=$2; shift 2 ;;
        -sleep) MAXSLEEP=$2; shift 2 ;;
        -*) usage; exit 1 ;;
        *) break ;;
    esac
done
[ -n "$NAME" ] || { usage | sed 's,^  .*/,  ,'; exit 1; }
sleep $(( RANDOM % (MAXSLEEP + 1) ))
echo $$ > "$LOCKFILE"
echo "running $1 as $NAME with lock ${LOCKFILE##*/}"
rm -f "$LOCKFILE"
