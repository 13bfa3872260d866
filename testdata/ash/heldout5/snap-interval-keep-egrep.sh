#!/bin/bash

# Create sets of snapshots at any interval (hourly, daily, weekly) and
# delete the older ones automatically. Called from cron like so:
# 0 * * * * root btrfs-snaps hourly 5 | egrep -v '(Create a snapshot of|Will delete the oldest|Delete subvolume|Making snapshot of )'
set -- daily 3

: ${BTRFSROOT:=pool1}
DATE="$(date +%Y%m%d_%H%M%S)"
mkdir -p $BTRFSROOT/root_snaps
for d in 20240101_000100 20240102_000100 20240103_000100 20240104_000100; do
	mkdir -p $BTRFSROOT/root_snaps/root_daily_$d
done
btrfs() {
	case $2 in
	snapshot) mkdir -p "$4"; echo "Create a snapshot of '$3' in '$4'" ;;
	delete) rmdir "$3"; echo "Delete subvolume (no-commit): '$3'" ;;
	esac
}

type=${1:-hourly}
keep=${2:-5}
cd "$BTRFSROOT" || exit 1

{
echo "Making snapshot of root as root_snaps/root_${type}_$DATE"
btrfs subvolume snapshot root root_snaps/root_${type}_$DATE
count=$(ls -d root_snaps/root_${type}_* | wc -l)
if [ $count -gt $keep ]; then
	echo "Will delete the oldest $((count - keep)) snapshots"
	ls -d root_snaps/root_${type}_* | head -n $((count - keep)) | while read old; do
		btrfs subvolume delete $old
	done
fi
echo "kept $keep $type snapshots"
} 2>&1 | egrep -v '(Create a snapshot of|Will delete the oldest|Delete subvolume|Making snapshot of )'
ls root_snaps | sed "s/$DATE/NOW/"
