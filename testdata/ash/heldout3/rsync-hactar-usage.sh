#!/usr/bin/env bash
set -e
##### SETTINGS #####
RETAIN=30 			# days to retain incremental backups, or "-r NUM"
EXCLUDE="./hactar.excludes"	# exclude file, or "-e FILENAME"
VERSION=1.2
# Shows usage infos
function usage
{
    echo "Hactar - An incremential daily backup script using rsync"
    echo "Version $VERSION"
    echo ""
    echo "Usage: hactar [-v] [-r NUM] [-e FILE] SOURCE TARGET"
}
set -- -r 14 -e ./other.excludes /src /dst
while getopts ":vr:e:" opt; do
  case $opt in
    v) echo "$VERSION"; exit 0 ;;
    r) RETAIN=$OPTARG ;;
    e) EXCLUDE=$OPTARG ;;
    \?) usage; exit 1 ;;
  esac
done
shift $((OPTIND-1))
usage | head -n 1
echo "retain $RETAIN days, excludes from $EXCLUDE, $1 -> $2"
