#!/bin/bash
mkdir -p pool/home pool/srv
for d in 2024-01-01 2024-01-02 2024-01-03 2024-01-04; do
	mkdir -p pool/home/.snapshots/snap_$d pool/srv/.snapshots/snap_$d
done
cat > settings <<'CONF'
source=pool
snapfolder=.snapshots
snapname=snap_2024-01-05
snappattern="snap_*"
count=3
includefile=include.list
CONF
printf 'home\n\nsrv\n' > include.list
btrfs() {
	case $2 in
	snap) mkdir -p "$5"; echo "Create a readonly snapshot of '$4' in '$5'" ;;
	del) rmdir "$3"; echo "Delete subvolume '$3'" ;;
	esac
}
id() { echo 0; }

source $( cd "$( dirname "${BASH_SOURCE[0]}" )" && pwd )/settings 2>/dev/null || source ./settings

if [ "$(id -u)" != "0" ]; then
  echo "This script must be run as root"
  exit 1
fi

while read loopfolder
do

# skip empty line
  if [ -z $loopfolder ]; then
    continue
  fi

# create folder
  if [ ! -d "$source/$loopfolder/$snapfolder" ]; then
    mkdir $source/$loopfolder/$snapfolder
  fi

#create snapshot
  btrfs sub snap -r $source/$loopfolder $source/$loopfolder/$snapfolder/$snapname

#delete old snapshot
  ls -dr $source/$loopfolder/$snapfolder/$snappattern | tail -n +$count | while read snapshot ; do
  btrfs sub del $snapshot
  done

done < $includefile
ls pool/home/.snapshots pool/srv/.snapshots
